# Calls that take some parameters from the defaults, run by the dispatch loop: the
# passed arguments move into the frame, the defaults are shared, and __defaults__
# changes, missing arguments and bound methods behave as in CPython.


def f(a, b=[], c="c"):
    b.append(a)
    return (a, len(b), c)


out = []
for i in range(12):
    out.append(f([i]))
print(out[-2:], f.__defaults__[0][-1])

f.__defaults__ = ([1], "C")
print(f("x"), f("y", [], "z"), f.__defaults__)
f.__defaults__ = ("only-c",)
try:
    f("x")
except TypeError as e:
    print(e)
print(f("x", [0]))


class K:
    def m(self, x, y=2, *, z=3):
        return (x, y, z)

    def n(self, x, y=(1, 2)):
        return (x, y)


k = K()
r = [k.m(i) for i in range(10)] + [k.n(i) for i in range(10)]
print(r[-1], r[9], K.n(k, "u"))


def g(a, b, c=1):
    return a + b + c


for i in range(10):
    try:
        g(i)
    except TypeError as e:
        msg = str(e)
print(msg)
objs = [object() for _ in range(3)]
print([g(i, i) for i in range(3)], [f(o, [])[0] is o for o in objs])
g(1)
