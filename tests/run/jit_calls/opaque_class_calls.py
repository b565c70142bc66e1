# Classes called from loop traces (opaque calls through the CALL's inline cache, as the
# interpreter's specialized path): plain __init__, __slots__, defaults, an __init__ that
# raises at some iteration, one that returns a value, a builtin class, and the class
# changed mid-loop; the made objects stored into a list and attributes.


class Point:
    def __init__(self, i):
        self.x = i * 2
        self.y = i + 1


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


class Picky:
    def __init__(self, i):
        if i == 77:
            raise ValueError("seventy-seven")
        self.i = i


class Bad:
    def __init__(self, i):
        if i == 50:
            return i
        self.i = i


class Holder:
    def __init__(self):
        self.p = None


def make(n):
    points = [None] * n
    h = Holder()
    for i in range(n):
        points[i] = Point(i)
        h.p = Slotted(points[i].x)
        if i == 120:
            Point.__init__ = lambda self, i: setattr(self, "x", -i)
    return sum(p.x for p in points), h.p.a


def picky(n):
    got = []
    for i in range(n):
        try:
            got.append(Picky(i).i)
        except ValueError as e:
            got.append(str(e))
    return len(got), got[77]


def bad(n):
    out = 0
    for i in range(n):
        out += Bad(i).i
    return out


def builtins(n):
    t = 0
    for i in range(n):
        t += len(list(range(i % 5)))
    return t


def main():
    print(make(200))
    print(picky(100))
    print(builtins(100))
    print(bad(100))


main()
