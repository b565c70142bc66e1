# An uncaught exception whose traceback crosses every kind of Python call: positional,
# keyword, defaults, method, bound method, *args, a native caller (sorted's key), a
# generator, a class instantiation and a closure.


def innermost(value):
    return {"a": 1}[value]


def closure_maker(v):
    def inner():
        return innermost(v)

    return inner


def from_gen(n):
    for i in range(n):
        yield closure_maker("missing" if i == 1 else "a")()


class Holder:
    def __init__(self, n):
        self.items = list(from_gen(n))


def key(x):
    return Holder(x).items


def with_star(*args):
    return sorted(args, key=key)


class Obj:
    def method(self, n, *, twice=False):
        f = self.bound
        return f(n)

    def bound(self, n):
        return with_star(n, n)


def defaults(n, scale=2):
    return Obj().method(n * scale, twice=True)


def main():
    print("start")
    return defaults(n=1)


main()
