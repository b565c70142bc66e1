# Instances made in loop traces: a class call with its __init__ inlined, stores into
# the fresh instance (dict and __slots__), the instance kept, dropped, or carried by a
# local across iterations, and exits inside __init__.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)


class Slotted:
    __slots__ = ("a", "b", "c")

    def __init__(self, a, b):
        self.a = a
        self.b = b * 2
        if a > 3:
            self.c = a - b


class Holder:
    def __init__(self, item, n):
        self.item = item
        self.items = [item] * n
        self.n = n


def kept(n):
    out = []
    for i in range(n):
        out.append(Vec(i, i * 0.5))
    return sum(v.x + v.y for v in out)


def temporaries(n):
    base = Vec(1.0, 2.0)
    t = 0.0
    for i in range(n):
        w = base.add(Vec(i, -i)).scale(0.25)
        t += w.x * w.y
    return t, w.x, w.y


def carried(n):
    last = None
    prev = Vec(0, 0)
    for i in range(n):
        v = Vec(prev.y, i)
        prev = v
        last = v
    return last.x, last.y, vars(last), prev is last


def slotted(n):
    res = []
    for i in range(n):
        s = Slotted(i, i + 1)
        res.append((s.a, s.b, getattr(s, "c", None)))
    return res[:6], res[-1]


def holders(n):
    hs = [Holder(str(i), i % 4) for i in range(n)]
    return [(h.item, len(h.items), h.n) for h in hs[-3:]]


print(kept(500))
print(temporaries(500))
print(carried(500))
print(slotted(300))
print(holders(300))
