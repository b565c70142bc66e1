# Constructor lookups (__new__/__init__) and per-class facts (__bool__/__len__/__eq__)
# are cached per class and version tag: every change below must be seen by the next call.


class A:
    def __init__(self, x=0):
        self.x = x


def make(cls, *args, **kw):
    # one call site, called many times (exercises both generic and cached paths)
    return cls(*args, **kw)


def plain(cls):
    return cls()


objs = [A(i) for i in range(20)]
print(objs[-1].x)


def new_init(self, x=0):
    self.x = x * 10


A.__init__ = new_init
print(A(3).x, make(A, 4).x)

del A.__init__
try:
    A(5)
except TypeError as e:
    print("TypeError:", e)
print(type(A()).__name__, hasattr(A(), "x"))


# __init__ added to a base class after instances were created
class Base:
    pass


class Derived(Base):
    pass


for i in range(20):
    d = plain(Derived)
print(hasattr(d, "tag"))


def base_init(self):
    self.tag = "base"


Base.__init__ = base_init
print(plain(Derived).tag)
Derived.__init__ = lambda self: setattr(self, "tag", "derived")
print(plain(Derived).tag)
del Derived.__init__
print(plain(Derived).tag)
del Base.__init__
print(hasattr(plain(Derived), "tag"))


# __new__ replaced and deleted
class N:
    def __init__(self, *a):
        self.a = a


for i in range(20):
    make(N, i)


def custom_new(cls, *a):
    o = object.__new__(cls)
    o.via_new = True
    return o


N.__new__ = custom_new
n = make(N, 1, 2)
print(n.a, n.via_new)
N.__new__ = staticmethod(custom_new)
print(make(N, 3).via_new)
N.__new__ = lambda cls, *a: object.__new__(cls)
n = make(N, 4)
print(n.a, hasattr(n, "via_new"))


# __new__ returning an instance of another class: __init__ not called
class Other:
    def __init__(self):
        print("Other.__init__ must not run")


class Odd:
    def __new__(cls, *a):
        return Other.__new__(Other)

    def __init__(self, *a):
        print("Odd.__init__ must not run")


for i in range(10):
    o = make(Odd, i)
print(type(o).__name__)


# __new__ returning a subclass instance: the subclass's __init__ runs
class Parent:
    def __new__(cls, *a):
        return object.__new__(Child)

    def __init__(self, *a):
        self.who = "parent"


class Child(Parent):
    def __init__(self, *a):
        self.who = "child"


for i in range(10):
    c = make(Parent, i)
print(type(c).__name__, c.who)


# __new__ that replaces __init__ while running: the new __init__ is used
class Swap:
    def __new__(cls, *a):
        cls.__init__ = lambda self, *a: setattr(self, "v", "swapped")
        return object.__new__(cls)

    def __init__(self, *a):
        self.v = "original"


print(make(Swap, 1).v)


# object.__init__ with arguments
class NoInit:
    pass


for i in range(10):
    make(NoInit)
try:
    make(NoInit, 1)
except TypeError as e:
    print("TypeError:", e)


class OnlyNew:
    def __new__(cls, *a):
        return object.__new__(cls)


print(type(make(OnlyNew, 1, 2)).__name__)


# __init__ returning a value
class BadInit:
    def __init__(self):
        return 1


try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)


# metaclass __call__ added after instances were created
class Meta(type):
    pass


class M(metaclass=Meta):
    def __init__(self, v=1):
        self.v = v


for i in range(10):
    m = make(M, i)
print(m.v)


def meta_call(cls, *a, **k):
    return "from meta"


Meta.__call__ = meta_call
print(make(M, 1))
del Meta.__call__
print(make(M, 7).v)


# a list subclass (built-in __new__/__init__) and keyword arguments
class L(list):
    pass


for i in range(10):
    l = make(L, [i])
print(l, type(l).__name__)
L.__init__ = lambda self, *a, **k: list.__init__(self, [9, 9])
print(make(L, [1]))


class KW:
    def __init__(self, a, b=2):
        self.s = a + b


print(make(KW, 1, b=5).s, make(KW, a=3).s)
KW.__init__ = lambda self, **k: setattr(self, "s", sorted(k))
print(make(KW, z=1, y=2).s)


# truth and equality facts follow __bool__/__len__/__eq__ changes
class T:
    pass


t = T()
print(bool(t), t == T(), t == t)
T.__len__ = lambda self: 0
print(bool(t))
T.__bool__ = lambda self: True
print(bool(t))
del T.__bool__
del T.__len__
print(bool(t))
T.__eq__ = lambda self, other: True
print(t == T())
del T.__eq__
print(t == T())


class TB:
    pass


class TD(TB):
    pass


td = TD()
print(bool(td))
TB.__bool__ = lambda self: False
print(bool(td), "yes" if td else "no")
