# Bound methods called in the dispatch loop: super() methods, class methods through the
# class and through instances, stored bound methods, and the argument errors and
# exceptions of each (raised at the call site, caught by the caller).


class Base:
    def __init__(self, x, y=0):
        self.x = x + y

    @classmethod
    def make(cls, v, *rest):
        return cls(v, *rest)

    def get(self):
        return self.x

    def scaled(self, k, *, offset=0):
        return self.x * k + offset


class D(Base):
    def __init__(self, x, y=5):
        super().__init__(x, y=y)

    def get(self):
        return super().get() * 10

    def scaled(self, k, *, offset=1):
        return super().scaled(k, offset=offset) + 1


d = D.make(1)
print(d.x, d.get(), Base.make(2, 3).get(), D.make(4, 4).get(), d.make(7).x)
print(d.scaled(2), d.scaled(3, offset=10))
m = d.scaled
print(m(1), m(1, offset=0), [m(i) for i in range(3)])
for call in (lambda: m(), lambda: m(1, 2), lambda: m(1, bad=2), lambda: D.make(), lambda: d.get(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class Failing(Base):
    def get(self):
        return super().get() / 0


try:
    Failing(1).get()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def deep_super(n):
    class K(Base):
        def get(self):
            if n == 0:
                raise KeyError("bottom")
            return deep_super(n - 1)

    return K(n).get()


try:
    deep_super(20)
except KeyError as e:
    print("KeyError:", e)
