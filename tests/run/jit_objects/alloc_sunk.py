# Temporaries that traces never make (allocation sinking): instances made and dropped
# inside inlined methods, with exits inside those methods (a branch taken rarely, a
# type change of an attribute's value, a division by zero in __init__), and the same
# temporaries kept once in a while.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return V(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return V(self.x * k, self.y * k)

    def dot_sum(self, o, k):
        s = self.add(o).scale(k)
        if s.x > 1e6:
            return -1.0
        return s.x + s.y


class R:
    def __init__(self, a, b):
        self.q = a / b
        self.a = a

    def value(self):
        return R(self.a, self.q).q


def plain(n):
    a = V(1.0, 2.0)
    b = V(0.5, 0.25)
    t = 0.0
    for i in range(n):
        t += a.dot_sum(b, i)
    return t


def type_change(n):
    a = V(1, 2)
    b = V(3, 4)
    t = 0
    for i in range(n):
        if i == n // 2:
            b = V(0.5, 1.5)
        t += a.dot_sum(b, 2)
    return t


def divide(n):
    t = 0.0
    for i in range(n):
        try:
            t += R(i - 100, i % 50).value()
        except ZeroDivisionError:
            t -= 1
    return t


def sometimes_kept(n):
    a = V(1.0, 1.0)
    kept = []
    for i in range(n):
        s = a.add(V(i, i))
        if i % 97 == 0:
            kept.append(s)
    return [(v.x, v.y) for v in kept[:4]], len(kept)


print(plain(2000))
print(type_change(2000))
print(divide(500))
print(sometimes_kept(1000))
