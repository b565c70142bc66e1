# Zero-argument super() inside inlined methods: recorded as a virtual object, the method
# super() finds inlined behind a guard on the instance's class. Deeper chains, several
# subclasses through one call site, a base method replaced after the loop compiled, effects
# before super() (exits then rebuild the method's frame, __class__ cell included), a super
# attribute that is no method, and exceptions.


class Base:
    def f(self, x):
        return x + 1

    def g(self, x):
        return x * 2

    scale = 3


class Mid(Base):
    def f(self, x):
        return super().f(x) * 2

    def g(self, x):
        return super().g(x) + self.k


class Leaf(Mid):
    def f(self, x):
        return super().f(x) - 1


class Other(Base):
    def f(self, x):
        return super().f(x) + 100


def chain(objs, n):
    s = 0
    for i in range(n):
        o = objs[i % len(objs)]
        s += o.f(i)
    return s


m = Mid()
m.k = 5
print(chain([Leaf()], 3000))
print(chain([Leaf(), Mid(), Other()], 3000))


def gsum(o, n):
    s = 0
    for i in range(n):
        s += o.g(i)
        if i == n // 2:
            o.k = 2.5  # a type change after super()
    return s


print(gsum(m, 2000))


def replaced(n):
    o = Leaf()
    s = 0
    for i in range(n):
        if i == n // 2:
            Base.f = lambda self, x: x - 1000
        s += o.f(i)
    return s


print(replaced(2000))


class Recorder(Base):
    def __init__(self):
        self.log = []

    def f(self, x):
        self.log.append(x)
        if x % 97 == 0:
            return super().g(x)  # a rarely taken path after the effect
        return super().f(x) // 3


def effects(n):
    r = Recorder()
    s = 0
    for i in range(n):
        s += r.f(i)
    return s, len(r.log), r.log[-3:]


print(effects(3000))


class Attr(Base):
    def f(self, x):
        return super().scale + x


print(chain([Attr()], 500))


class Raises(Base):
    def f(self, x):
        if x % 50 == 49:
            return super().missing(x)
        return super().f(x)


def catch(n):
    s = 0
    errs = 0
    for i in range(n):
        try:
            s += Raises().f(i)
        except AttributeError as e:
            errs += 1
            last = str(e)
    return s, errs, last


print(catch(1000))
