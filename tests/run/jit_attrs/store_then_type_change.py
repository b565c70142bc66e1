# Stores inside methods followed by a type change that exits: the store happened once.
class Acc:
    def __init__(self):
        self.n = 0
        self.v = 0

    def add(self, x):
        self.n += 1
        self.v = self.v + x
        return self.v


class SAcc:
    __slots__ = ("n", "v")

    def __init__(self):
        self.n = 0
        self.v = 0

    def add(self, x):
        self.n += 1
        self.v = self.v + x
        return self.v


def feed(a, xs):
    r = None
    for x in xs:
        r = a.add(x)
    return r, a.n, a.v


xs = list(range(20)) + [0.5, 1.5] + list(range(5)) + ["a"]
for cls in (Acc, SAcc):
    a = cls()
    try:
        print(feed(a, xs))
    except TypeError as e:
        print("TypeError", e, a.n, a.v)
    b = cls()
    print(feed(b, list(range(10)) + [2 ** 62, 2 ** 62, 1]))
