# two-argument super(T, obj) calls (deltablue's style): built in place; errors,
# a rebound `super`, a class as the second argument and keywords take the generic call
class Base(object):
    def __init__(self, a):
        super(Base, self).__init__()
        self.a = a

    def f(self, x):
        return ("Base.f", self.a, x)

    @classmethod
    def make(cls, a):
        return cls(a)


class Mid(Base):
    def __init__(self, a, b=2):
        super(Mid, self).__init__(a)
        self.b = b

    def f(self, x):
        return ("Mid",) + super(Mid, self).f(x)


class Leaf(Mid):
    def f(self, x):
        return ("Leaf",) + super(Leaf, self).f(x)

    @classmethod
    def make(cls, a):
        return super(Leaf, cls).make(a + 100)


for i in range(3):
    o = Leaf(i)
    print(o.a, o.b, o.f(i * 2), Leaf.make(i).a)
print(type(super(Leaf, o)).__name__, super(Mid, o).f(7))

for args in [(1, o), (Leaf, 5), (Leaf, Base(1)), (Leaf, Base)]:
    try:
        super(*args)
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
for bad in [lambda: super(3, o), lambda: super(Leaf, Base(0))]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def shadow():
    super = lambda t, x: ("shadowed", t.__name__)
    return super(Leaf, o)


print(shadow())
try:
    super(Leaf, o, 1)
except TypeError as e:
    print("TypeError:", e)
