# Method calls on polymorphic receivers: slots and dict classes mixed in one loop, the same
# object as self and other, methods that store.
import math


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return math.sqrt(self.x * self.x + self.y * self.y)

    def scale(self, k):
        self.x = self.x * k
        self.y = self.y * k
        return self

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        return self


class SPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)

    def scale(self, k):
        self.x *= k
        self.y *= k
        return self

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        return self


def norms(pts):
    t = 0.0
    for p in pts:
        t += p.norm()
    return t


def scale_all(pts, k):
    for p in pts:
        p.scale(k)
    return [(p.x, p.y) for p in pts[:3]]


def maxes(pts):
    m = pts[0]
    for p in pts[1:]:
        m = m.maximize(p)
    return m.x, m.y


def self_other(p, n):
    for i in range(n):
        p.maximize(p)
        p.scale(1.5)
        p = p.maximize(p)
    return p.x, p.y


mixed = []
for i in range(40):
    mixed.append(Point(float(i), float(i % 7)) if i % 3 else SPoint(float(-i), 2.0))
print(norms(mixed))
print(scale_all(mixed, 0.5))
print(maxes([Point(float(i % 11), float(i % 5)) for i in range(30)]))
print(maxes([SPoint(float(i % 13), float(i % 3)) for i in range(30)]))
print(self_other(Point(1.0, 2.0), 10), self_other(SPoint(1.0, 2.0), 10))
a = Point(1.0, 5.0)
pts = [Point(float(i), 0.0) for i in range(10)]
pts[4] = a
print(maxes([a] + pts))
