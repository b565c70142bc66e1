# Attributes of an instance held by a global (bm_richards' taskWorkArea): loads, stores of
# ints and objects, method calls on it, inside inlined calls too; the global rebound to
# another instance between loops and inside a loop, and a class attribute added later.


class Area:
    def __init__(self):
        self.count = 0
        self.tab = [None] * 4
        self.last = None

    def bump(self, k):
        self.count += k
        return self.count


area = Area()


class Item:
    def __init__(self, i):
        self.i = i


def put(i, it):
    area.last = it
    return area.bump(1)


def run(n, items):
    global area
    s = 0
    for i in range(n):
        s += put(i, items[i % 3])
        area.tab[i % 4] = area.last
        area.count += 1
        if area.last.i == 2:
            s += area.tab[i % 4].i
        if i == 250:
            area = Area()
    return s


def main():
    items = [Item(i) for i in range(3)]
    print(run(200, items), area.count, [t.i for t in area.tab], area.last.i)
    print(run(400, items), area.count, [t.i for t in area.tab], area.last.i)
    Area.extra = 5
    print(run(100, items), area.count, area.extra)


main()
