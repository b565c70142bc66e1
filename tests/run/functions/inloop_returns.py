# Return values of Python calls in every call form, landing in the right place of the
# caller's operand stack (nested calls as arguments, calls inside expressions, containers
# and comprehensions), and what the callee frames leave behind (locals, closures, cells).


def ident(x):
    return x


def add(a, b):
    return a + b


def with_default(a, b=10):
    return a * b


def star(*args, **kwargs):
    return (args, sorted(kwargs.items()))


def kwonly(a, *, b=2):
    return a - b


def no_return(x):
    x.append(1)


def implicit_none():
    pass


print(add(ident(1), add(ident(2), ident(3))), ident(ident(ident("deep"))))
print([ident(i) * with_default(i) for i in range(4)], with_default(2, b=ident(5)))
print(star(1, ident(2), k=add(1, 1)), kwonly(5), kwonly(5, b=ident(7)))
lst = []
print(no_return(lst), lst, implicit_none(), (implicit_none(), ident(0)))
print({ident("k"): add(1, 2), "t": (ident(1), ident(2))}, 1 + add(2, 3) * ident(4))


# closures and cells: frames with cell variables go through the general binder
def counter():
    n = 0

    def inc(by=1):
        nonlocal n
        n += by
        return n

    return inc


c = counter()
print(c(), c(), c(5), c(by=ident(10)))


def cell_arg(x):
    def get():
        return x

    x = x + 1
    return get()


print(cell_arg(41))


# methods, class methods, static methods, bound methods stored and called later
class K:
    scale = 3

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def plus(self, other, extra=0):
        return self.get() + other.get() + extra

    @classmethod
    def make(cls, v):
        return cls(v * cls.scale)

    @staticmethod
    def twice(x):
        return 2 * x


a, b = K(1), K.make(2)
g = a.get
print(a.plus(b), a.plus(b, extra=K.twice(5)), g(), K.get(b), b.plus(other=a))
a.dyn = lambda q: q + 100
print(a.dyn(1), list(map(g.__call__ if hasattr(g, "__call__") else g, [])))


# recursion returning structures
def tree(d):
    if d == 0:
        return None
    return (tree(d - 1), d, tree(d - 1))


def count(t):
    if t is None:
        return 0
    return count(t[0]) + 1 + count(t[2])


print(count(tree(10)))


# a function called while its caller's stack holds partial results
def f3(a, b, c):
    return a * 100 + b * 10 + c


print([f3(1, f3(0, 0, 2), 3), f3(*[4, 5, 6]), f3(a=7, c=9, b=8)])


# return inside with and try/finally
class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        print("exit")
        return False


def in_with():
    with CM():
        return ident("from with")


def in_finally():
    try:
        return ident("try")
    finally:
        print("finally ran")


print(in_with(), in_finally())


# a generator function called from an in-loop frame returns a generator, not its body
def gen():
    yield ident(1)
    yield add(1, 1)


def use_gen():
    g = gen()
    return type(g).__name__, list(g)


print(use_gen())
