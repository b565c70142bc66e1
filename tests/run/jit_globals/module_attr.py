# Module attributes a trace pinned (`math.pi`, `math.sqrt`) are rebound between runs and
# during a run.
# (the mutating functions take an unused default argument: calls of them are opaque
# calls of the trace, not inlined)
import math


def f(n):
    s = 0.0
    for i in range(n):
        s += math.sqrt(4.0) + math.pi
    return s


print(f(300))
real = math.sqrt
math.sqrt = lambda x: 1.0
print(f(300))
math.pi = 3
print(f(300))
math.sqrt = real


def poke(i, unused=None):
    if i == 100:
        math.pi = 0.0


def g(n):
    s = 0.0
    for i in range(n):
        poke(i)
        s += math.pi
    return s


print(g(300))
