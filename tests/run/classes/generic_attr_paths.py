# Generic attribute paths: class attributes that are instances (with and without
# __get__), metaclass properties, __slots__ with inheritance, object.__ne__.


class Strength:
    def __init__(self, v, name):
        self.v = v
        self.name = name

    def __repr__(self):
        return f"Strength({self.v}, {self.name!r})"


Strength.REQUIRED = Strength(0, "required")
Strength.WEAK = Strength(5, "weak")


class Getter:
    def __get__(self, obj, owner):
        return ("get", obj is None, owner.__name__)


class Holder:
    g = Getter()


class Meta(type):
    @property
    def info(cls):
        return "meta-info of " + cls.__name__

    def shout(cls):
        return cls.__name__.upper()


class WithMeta(metaclass=Meta):
    pass


class WithMetaShadow(metaclass=Meta):
    shout = "class attribute wins over a metaclass method"


acc = 0
for i in range(2000):
    acc += Strength.REQUIRED.v + Strength.WEAK.v
print(acc, Strength.REQUIRED, Strength.WEAK)
for i in range(3):
    print(Holder.g, Holder().g)
    print(WithMeta.info, WithMeta.shout(), WithMetaShadow.shout)
try:
    WithMeta().info
except AttributeError as e:
    print("AttributeError:", e)
try:
    Strength.MISSING
except AttributeError as e:
    print("AttributeError:", e)


# __slots__ across a hierarchy (slot positions base first)
class P:
    __slots__ = ("a", "b")


class Q(P):
    __slots__ = ("c",)


class R(Q):
    __slots__ = ("d", "__dict__")


r = R()
r.a, r.b, r.c, r.d = 1, 2, 3, 4
r.extra = 5
print(r.a, r.b, r.c, r.d, r.extra, r.__dict__)
q = Q()
q.c = 7
try:
    q.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    q.zzz = 1
except AttributeError as e:
    print("AttributeError:", e)
del r.b
try:
    r.b
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(q, "__dict__"), hasattr(r, "__dict__"))


# object.__ne__ with and without a custom __eq__
class Plain:
    pass


class Eq:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Eq) and self.k == other.k


class EqNI:
    def __eq__(self, other):
        return NotImplemented


x, y = Plain(), Plain()
print(x != x, x != y, x == x, x == y, x.__ne__(y), x.__ne__(x))
print(Eq(1) != Eq(1), Eq(1) != Eq(2), Eq(1).__ne__(3))
e = EqNI()
print(e != e, e != EqNI(), e.__ne__(e))
n = 0
for i in range(3000):
    if x != y:
        n += 1
    if Eq(i) != Eq(i):
        n += 100
print(n)
