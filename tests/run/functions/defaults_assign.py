# Assigning and deleting __defaults__ / __kwdefaults__ (and the other writable function
# attributes) changes argument binding, also at call sites already specialized by hot loops.


def g(a, b):
    return a, b


g.__defaults__ = (7, 8)
print(g(), g(1), g(1, 2))
print(g.__defaults__, g.__dict__)
g.__defaults__ = None
try:
    g()
except TypeError as e:
    print(e)
print(g(3, 4))
try:
    g.__defaults__ = 5
except TypeError as e:
    print(e)
try:
    g.__defaults__ = [1, 2]
except TypeError as e:
    print(e)
print(g.__defaults__)
g.__defaults__ = (1, 2)
del g.__defaults__
print(g.__defaults__)
try:
    g(1)
except TypeError as e:
    print(e)

# more defaults than parameters: the last ones are used
g.__defaults__ = (1, 2, 3)
print(g(), g(9), g.__defaults__)
g.__defaults__ = ()
print(g.__defaults__)
try:
    g()
except TypeError as e:
    print(e)


class T(tuple):
    pass


t = T((4, 5))
g.__defaults__ = t
print(g(), type(g.__defaults__).__name__, g.__defaults__ is t, g.__defaults__ is g.__defaults__)


# __kwdefaults__
def h(a, *, k, m=2):
    return a, k, m


print(h.__kwdefaults__)
h.__kwdefaults__ = {"k": 3, "m": 2}
print(h(1), h(1, m=5), h(1, k=0))
try:
    h(1, 2)
except TypeError as e:
    print(e)
try:
    h.__kwdefaults__ = 5
except TypeError as e:
    print(e)
try:
    h.__kwdefaults__ = (("k", 1),)
except TypeError as e:
    print(e)
h.__kwdefaults__ = None
print(h.__kwdefaults__)
try:
    h(1)
except TypeError as e:
    print(e)
h.__kwdefaults__ = {"k": 1, "m": 1}
del h.__kwdefaults__
print(h.__kwdefaults__)
try:
    h(1, k=1)
except TypeError as e:
    print(e)


class D(dict):
    pass


h.__kwdefaults__ = D(k=6, m=7)
print(h(0), type(h.__kwdefaults__).__name__)
h.__kwdefaults__["m"] = 8
print(h(0))


# hot call sites: exact arguments, defaults, keywords, methods, closures
def add(x, y=10, z=100):
    return x + y + z


def hot(rounds):
    out = []
    for i in range(rounds):
        if i == rounds // 2:
            add.__defaults__ = (20, 200)
        out.append((add(i), add(i, 1), add(i, 1, 2), add(i, z=0), add(x=i)))
    return out[0], out[rounds // 2 - 1], out[rounds // 2], out[-1]


print(hot(400))
add.__defaults__ = None
try:
    hot(10)
except TypeError as e:
    print(e)
add.__defaults__ = (1, 2)


def hot_shrink(rounds):
    total = 0
    errors = 0
    for i in range(rounds):
        if i == 300:
            add.__defaults__ = (5,)
        try:
            total += add(i, 1)
            total += add(i)
        except TypeError as e:
            errors += 1
            last = str(e)
    return total, errors, last


print(hot_shrink(400))


def kw(a, *, b=1, c=2):
    return a * 100 + b * 10 + c


def hot_kw(rounds):
    total = 0
    for i in range(rounds):
        if i == 250:
            kw.__kwdefaults__ = {"b": 5, "c": 6}
        if i == 350:
            kw.__kwdefaults__ = {"b": 7}
        try:
            total += kw(1) + kw(2, c=3)
        except TypeError as e:
            return total, i, str(e)
    return total


print(hot_kw(400))


class C:
    def m(self, a, b=1):
        return a + b


def hot_method(rounds):
    c = C()
    total = 0
    for i in range(rounds):
        if i == 200:
            C.m.__defaults__ = (50,)
        if i == 300:
            C.m.__defaults__ = (3, 4)
        total += c.m(i) + c.m(i, 0)
    return total


print(hot_method(400))


def make(n):
    def inner(a, b=n):
        return a * b

    return inner


def hot_closure(rounds):
    f = make(3)
    total = 0
    for i in range(rounds):
        if i == 200:
            f.__defaults__ = (5,)
        total += f(i)
    return total


print(hot_closure(400))


# a function whose exact-argument calls are hot, then called with fewer arguments
def two(a, b):
    return a - b


def hot_exact(rounds):
    s = 0
    for i in range(rounds):
        s += two(i, 1)
    return s


print(hot_exact(400))
two.__defaults__ = (2000, 1000)
print(hot_exact(400), two(1), two())

# the other writable attributes
f = make(2)
for name in ["__name__", "__qualname__", "__doc__", "__annotations__", "__dict__", "__code__", "__globals__",
             "__closure__", "__builtins__"]:
    try:
        setattr(f, name, 5)
        print(name, "set", getattr(f, name))
    except (TypeError, AttributeError) as e:
        print(name, type(e).__name__, e)
for name in ["__name__", "__qualname__", "__doc__", "__module__", "__annotations__", "__dict__", "__code__",
             "__globals__", "__closure__", "__builtins__", "__defaults__", "__kwdefaults__", "nothing"]:
    try:
        delattr(f, name)
        print(name, "deleted", getattr(f, name, "MISSING"))
    except (TypeError, AttributeError) as e:
        print(name, type(e).__name__, e)
f.__name__ = "renamed"
f.__qualname__ = "Q.renamed"
f.__doc__ = "doc"
f.__annotations__ = {"a": int}
print(f.__name__, f.__qualname__, f.__doc__, f.__annotations__, f.__dict__)
f.__annotations__ = None
print(f.__annotations__)
f.__dict__ = {"x": 1}
print(f.x, f.__dict__)
f.__module__ = "elsewhere"
print(f.__module__, f.__dict__)
f.y = 2
del f.x
print(f.__dict__, "__defaults__" in f.__dict__)
try:
    f(1)
except TypeError as e:
    print(e)
