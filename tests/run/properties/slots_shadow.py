# A __slots__ slot is a descriptor in its class's namespace: it shadows a base class's
# property or method, and a subclass's property shadows a base class's slot.


class WithProp:
    @property
    def x(self):
        return "property x"

    def m(self):
        return "method m"


class Slotted(WithProp):
    __slots__ = ("x", "m")


s = Slotted()
for name in ("x", "m"):
    try:
        getattr(s, name)
    except AttributeError as e:
        print("unset:", e)
s.x = 5
s.m = 6
total = 0
for i in range(30):
    total += s.x + s.m
    s.x = i
print(total, s.x, s.m)
del s.x
try:
    s.x
except AttributeError as e:
    print("deleted:", e)
try:
    del s.x
except AttributeError as e:
    print("del again:", e)


class Base:
    __slots__ = ("y",)


class Sub(Base):
    @property
    def y(self):
        return "sub property"


b = Sub()
print(b.y)
try:
    b.y = 1
except AttributeError as e:
    print(e)
for i in range(20):
    r = b.y
print(r)


class Custom:
    @property
    def p(self):
        return "p"

    def __setattr__(self, name, value):
        print("setattr", name, value)


c = Custom()
c.p = 3
c.q = 4
print(c.p)


class Forward:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        print("setter", value)
        self._v = value

    @v.deleter
    def v(self):
        print("deleter")

    def __setattr__(self, name, value):
        print("forward", name)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print("forward del", name)
        object.__delattr__(self, name)


f = Forward()
f.v = 7
f.w = 8
print(f.v, f.w)
del f.v
del f.w
try:
    del f.w
except AttributeError as e:
    print(e)


class HasLen:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


for n in (0, 3, True, 2**63 - 1, 2**63, 2**70, -1, -2**70, 1.5, "3"):
    try:
        print(len(HasLen(n)), bool(HasLen(n)))
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
