# Classes whose methods and attributes a trace inlined are mutated: a method replaced, a
# method assigned on a base class, a class attribute added that shadows, during and
# between runs.
# (the mutating functions take an unused default argument: calls of them are opaque
# calls of the trace, not inlined)
class Base:
    k = 1

    def f(self):
        return 1


class A(Base):
    def g(self):
        return 10


class B(A):
    pass


def loop(o, n):
    s = 0
    for i in range(n):
        s += o.f() + o.g() + o.k
    return s


b = B()
print(loop(b, 300))
A.g = lambda self: 20
print(loop(b, 300))
Base.f = lambda self: 3
print(loop(b, 300))
B.k = 5
print(loop(b, 300))
del B.k
print(loop(b, 300))


def poke(i, unused=None):
    if i == 150:
        Base.f = lambda self: 100


def during(o, n):
    s = 0
    for i in range(n):
        poke(i)
        s += o.f()
    return s


print(during(b, 300))


class P:
    def __init__(self):
        self.x = 1


def read(p, n):
    s = 0
    for i in range(n):
        s += p.x
    return s


p = P()
print(read(p, 300))
P.x = property(lambda self: 50)
print(read(p, 300))
