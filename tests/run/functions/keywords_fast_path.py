# Keyword arguments to simple functions (no *args, **kwargs or keyword-only
# parameters), through calls, methods, class instantiation and natives calling back;
# every binding error falls back to the general binding and its messages.


def f(a, b=2, c=3):
    return (a, b, c)


print(f(1, c=30), f(a=1), f(c=3, b=2, a=1), f(1, 2, c=4), f(1, b=5))


def g(x, y, /, z=0):
    return x + y + z


print(g(1, 2, z=3), g(1, 2))


def outer(k):
    def inner(x, scale=2):
        return x * scale + k

    return inner


h = outer(100)
print(h(1, scale=3), h(x=2))


class P:
    def __init__(self, x, y=0, z=0):
        self.x, self.y, self.z = x, y, z

    def moved(self, dx=0, dy=0):
        return P(self.x + dx, y=self.y + dy, z=self.z)

    def __repr__(self):
        return f"P({self.x}, {self.y}, {self.z})"


p = P(1, z=5)
print(p, P(x=1, y=2), p.moved(dy=4), p.moved(1, dy=2))
print(sorted([3, 1, 2], key=lambda v, w=10: w - v), dict(map(lambda k, v=1: (k, v), "ab")))
name = "".join(["b"])
print(f(1, **{name: 7}), f(**{"a": 9, "c": 1}))


def rec(n, total=0):
    return total if n == 0 else rec(n - 1, total=total + n)


print(rec(100))

for call in [
    lambda: f(1, a=2),
    lambda: f(b=2),
    lambda: f(1, d=4),
    lambda: g(1, y=2),
    lambda: g(x=1, y=2),
    lambda: f(1, 2, 3, c=4),
    lambda: P(y=1),
    lambda: p.moved(dz=1),
    lambda: f(1, **{"b": 1, "c": 2, "e": 3}),
]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)


def deep(n, step=1):
    if n <= 0:
        raise ValueError("bottom")
    return deep(n - step, step=step)


deep(5)
