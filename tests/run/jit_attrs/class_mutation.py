# Classes mutated inside and outside the loop: methods replaced (on the class, on a base),
# class attributes that shadow, properties added later.
class Base:
    def f(self):
        return 1


class D(Base):
    k = 10

    def __init__(self):
        self.x = 1


def run(o, n, hook=None):
    t = 0
    for i in range(n):
        t += o.f() + o.k + o.x
        if hook is not None and i == n // 2:
            hook()
    return t


d = D()
print(run(d, 20))
D.f = lambda self: 2
print(run(d, 20))
Base.f = lambda self: 3
print(run(d, 20))
del D.f
print(run(d, 20))


def replace_base():
    Base.f = lambda self: 100


print(run(d, 20, replace_base))


def set_k():
    D.k = 0.5


print(run(d, 20, set_k))


def shadow_x():
    D.x = property(lambda self: -1000)


print(run(d, 20, shadow_x))
del D.x


def shadow_method():
    d.f = lambda: 7


print(run(d, 20, shadow_method))
del d.f


def add_getattribute():
    D.__getattribute__ = lambda self, name: 5 if name == "x" else object.__getattribute__(self, name)


print(run(d, 20, add_getattribute))
del D.__getattribute__
print(run(d, 20))
