# Zero-argument super() calls (their fast path) and the cases that take the generic
# path: no __class__ cell, no first argument, *args only, a cell as first argument.
class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


class Mid(Base):
    def __init__(self, v):
        super().__init__(v + 1)

    def get(self):
        return super().get() * 2


class Leaf(Mid):
    def get(self):
        s = super()
        return (type(s).__name__, s.get() + 1)

    def captured(self):
        f = lambda: self
        return super().get(), f() is self


for i in range(20):
    x = Leaf(i)
print(x.get(), Mid(1).get(), x.captured())


def no_self():
    return super()


class C:
    def m(*args):
        return super().__repr__ is not None

    def broken():
        return super()

    def who(self):
        return super()


for f in [no_self, C.broken, C().m]:
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
print(type(C().who()).__name__)
super = lambda: "rebound"
print(C().who())
