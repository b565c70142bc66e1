# super(): binding of every kind of attribute found after __class__ in the MRO,
# looked up many times (hot loops exercise the interpreter's caches).


class Base:
    tag = "base"

    def __init__(self, x):
        self.x = x

    def fn(self, k):
        return self.x + k

    @classmethod
    def make(cls, x):
        return (cls.__name__, x)

    @staticmethod
    def helper(a, b):
        return a * b

    @property
    def doubled(self):
        return self.x * 2

    def __repr__(self):
        return f"Base({self.x})"


class Mid(Base):
    def fn(self, k):
        return super().fn(k) + 100


class Leaf(Mid):
    tag = "leaf"

    def __init__(self, x):
        super().__init__(x + 1)

    def fn(self, k):
        return super().fn(k) * 2

    def skip(self, k):
        # two-argument form starting after Mid
        return super(Mid, self).fn(k)

    def probe(self):
        out = [super().tag, super().make(3), super().helper(6, 7), super().doubled]
        out.append(super().__repr__())
        out.append(super().__class__ is super)
        m = super().fn
        out.append((type(m).__name__, m.__self__ is self, m(1)))
        r = super().__str__
        out.append(r())
        return out


leaf = Leaf(10)
total = 0
for i in range(3000):
    total += leaf.fn(i) + leaf.skip(i)
print(total)
print(leaf.probe())

# class-level access binds nothing: super(C, D) with D a class
print(super(Mid, Leaf).fn is Base.fn)
print(super(Mid, Leaf).make(5))
print(super(Leaf, Leaf).tag)

# missing attributes
try:
    super(Leaf, leaf).nope
except AttributeError as e:
    print("AttributeError:", e)
for i in range(3):
    try:
        super(Base, leaf).fn
    except AttributeError as e:
        print("AttributeError:", e)

# errors of the constructor
for args in [(1, leaf), (Leaf, 3), (Base, Leaf)]:
    try:
        super(*args)
    except TypeError as e:
        print("TypeError:", e)


def outside():
    return super()


try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)


# a super() target that is a data descriptor instance and a plain callable instance
class Desc:
    def __get__(self, obj, owner):
        return ("desc", obj is None, owner.__name__)

    def __set__(self, obj, value):
        raise AttributeError("read-only")


class Callable:
    def __call__(self, *a):
        return ("called", a)


class A:
    d = Desc()
    c = Callable()


class B(A):
    def get(self):
        return super().d, super().c(1, 2)


for i in range(3):
    print(B().get())
print(super(B, B).d)

# super() through a list subclass and its native methods
class Stack(list):
    def append(self, v):
        super().append(v * 10)

    def pop(self):
        return super().pop() + 1


s = Stack()
for i in range(5):
    s.append(i)
print(s, s.pop(), s)
