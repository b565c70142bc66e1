# super().name(...) for the kinds of attributes the MRO search can find.


class Base:
    tag = "base"

    def __init__(self, x):
        self.x = x

    def m(self, a, b=1):
        return ("Base.m", self.x, a, b)

    @classmethod
    def cm(cls, a):
        return ("Base.cm", cls.__name__, a)

    @staticmethod
    def sm(a):
        return ("Base.sm", a)

    @property
    def prop(self):
        return lambda a: ("Base.prop", self.x, a)

    def shadowed(self):
        return "Base.shadowed"

    def __repr__(self):
        return "Base(%r)" % (self.x,)


class Mid(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def m(self, a, b=2):
        return ("Mid.m", super().m(a, b=b))


class Leaf(Mid):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
        self.shadowed = lambda: "instance attr"

    def m(self, a, b=3):
        return ("Leaf.m", super().m(a), super().m(a, b))

    def calls(self, i):
        return (
            super().cm(i),
            super().sm(i),
            super().prop(i),
            super().shadowed(),
            self.shadowed(),
            super().tag,
            super().__repr__(),
            super().__str__(),
        )


for i in range(3):
    o = Leaf(i, i + 1, i + 2)
    print(o.x, o.y, o.z, o.m(i))
    print(o.calls(i))

# the MRO changes under a specialized site
for i in range(3):
    if i == 2:
        Base.m = lambda self, a, b=0: ("patched", a, b)
    print(Leaf(0, 0, 0).m(i))


class Meta(type):
    def __call__(cls, *args):
        inst = super().__call__(*args)
        inst.via_meta = True
        return inst


class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v


for i in range(3):
    w = WithMeta(i)
    print(w.v, w.via_meta)


# super(C, D): class-level access does not bind
class A:
    def f(self):
        return "A.f"


class B(A):
    def f(self):
        return "B.f+" + super().f()

    @classmethod
    def g(cls):
        return super(B, cls).f


for i in range(3):
    print(B().f(), B.g() is A.f)

# native methods through super()
class MyList(list):
    def append(self, v):
        super().append(v * 2)

    def total(self):
        return super().__len__(), sum(self)


ml = MyList()
for i in range(4):
    ml.append(i)
print(ml, ml.total())


class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, (v, "wrapped"))

    def get(self, k, d=None):
        return ("get", super().get(k, d))


md = MyDict()
for i in range(3):
    md[i] = i
    print(md.get(i), md.get(99))

try:
    super(B, B()).nope()
except AttributeError as e:
    print("AttributeError:", e)
