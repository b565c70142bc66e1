# Properties, __getattr__, __getattribute__, __setattr__ classes stay correct in loops.
class Prop:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        return self._x * 2

    @x.setter
    def x(self, v):
        self._x = v + 1


class GA:
    def __init__(self):
        self.a = 1

    def __getattr__(self, name):
        return 42


class GAT:
    def __init__(self):
        self.a = 1

    def __getattribute__(self, name):
        if name == "a":
            return 99
        return object.__getattribute__(self, name)


class SA:
    def __init__(self):
        object.__setattr__(self, "a", 1)

    def __setattr__(self, name, v):
        object.__setattr__(self, name, v * 10)


def loop(o, n):
    t = 0
    for i in range(n):
        t += o.a if hasattr(type(o), "__getattr__") or not isinstance(o, Prop) else o.x
    return t


def ga_loop(o, n):
    t = 0
    for i in range(n):
        t += o.a + o.missing
    return t


def store_loop(o, n):
    for i in range(n):
        o.a = i
    return o.a


def prop_loop(o, n):
    for i in range(n):
        o.x = o.x + i
    return o.x


print(prop_loop(Prop(), 20))
print(ga_loop(GA(), 20))
print(loop(GAT(), 20))
print(store_loop(SA(), 20))
print(store_loop(GA(), 20))
g = GA()
del g.a
print(ga_loop(g, 10))
