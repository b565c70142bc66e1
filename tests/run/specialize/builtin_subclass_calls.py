# Calls of classes derived from built-in types that keep the native __new__/__init__
# (the CALL_CLASS `NewBuiltin` entry with a native __init__), len() of such instances,
# and what happens when the class changes after the call sites warmed up.


class OC(list):
    pass


class D(dict):
    pass


class S(set):
    pass


class T(tuple):
    pass


class Str(str):
    pass


class MyErr(Exception):
    pass


def make(n):
    out = []
    for i in range(n):
        a = OC()
        a.append(i)
        b = OC(range(i % 4))
        c = D(x=1) if False else D()
        c[i] = i
        d = S([i, i, 1])
        e = T((i, i + 1))
        f = Str("ab" * (i % 3))
        g = MyErr("boom", i)
        out.append((len(a), len(b), list(b), len(c), len(d), len(e), len(f), g.args, type(a).__name__))
    return out


for row in make(20)[-3:]:
    print(row)

oc = OC([1, 2, 3])
oc.extra = "attr"
print(oc, oc.extra, len(oc), bool(oc), bool(OC()))


# errors raised by the native __init__ at a warmed-up site
def bad(x):
    return OC(x)


for i in range(12):
    bad([i])
try:
    bad(5)
except TypeError as e:
    print("TypeError:", e)
try:
    OC(1, 2)
except TypeError as e:
    print("TypeError:", e)


# the class gains a Python __init__ and __len__ after the sites warmed up
def make_one():
    return OC([7, 8])


for i in range(12):
    x = make_one()
print(len(x), x)


def init(self, items):
    list.__init__(self, items)
    self.append("extra")


OC.__init__ = init
OC.__len__ = lambda self: 42
x = make_one()
print(len(x), x, list.__len__(x))
del OC.__len__
print(len(x))


# a __new__ that returns another type: __init__ is skipped
class Odd(list):
    pass


def make_odd():
    return Odd([1])


for i in range(12):
    y = make_odd()
print(type(y).__name__, y)
Odd.__new__ = staticmethod(lambda cls, *a: (1, 2))
print(make_odd())


# __init__ returning a value from a native subclass path is not possible; a Python one is
class Ret(dict):
    def __init__(self):
        return 5


try:
    Ret()
except TypeError as e:
    print("TypeError:", e)


# a subclass whose __len__ comes from another built-in raises as CPython does
class Weird(list):
    __len__ = dict.__len__


try:
    len(Weird())
except TypeError as e:
    print("TypeError:", e)
