# Instances of list subclasses in hot loops: len(), x[i], x[i] = v, iteration and list
# methods other than append are recorded when the class keeps list's own methods (its
# class guarded, its version pinned). Overrides, instance-level shadowing and a class
# changed after the loop compiled must behave as in CPython.


class OC(list):
    pass


class Sub(OC):
    pass


def drain(todo, out):
    total = 0
    while len(todo):
        c = todo.pop(0)
        out.append(c)
        total += c
    return total


def work(n, cls):
    out = cls()
    acc = 0
    for i in range(n):
        todo = cls()
        todo.append(i)
        todo.append(i * 2)
        todo.append(-i)
        acc += drain(todo, out)
        if len(out) > 50:
            out.clear()
    return acc, len(out)


print(work(300, OC))
print(work(300, Sub))
print(work(300, list))


def index_sum(xs, n):
    s = 0
    for k in range(n):
        s += xs[k % len(xs)]
        xs[k % len(xs)] = k
    return s, xs[:5]


print(index_sum(OC(range(10)), 500))
print(index_sum(Sub(range(7)), 500))


def iter_sum(groups):
    s = 0
    for g in groups:
        for x in g:
            s += x
    return s


print(iter_sum([OC([1, 2, 3]), OC([4]), OC([]), OC([5, 6])] * 100))


class Rev(list):
    def __getitem__(self, i):
        return list.__getitem__(self, -1 - i)

    def __len__(self):
        return list.__len__(self) + 1

    def __iter__(self):
        return iter([0, 0])

    def pop(self, i=-1):
        return 1000


def mixed(objs):
    s = 0
    for o in objs:
        s += len(o)
        s += o[0]
        for x in o:
            s += x
        s += o.pop(0)
    return s


print(mixed([OC([1, 2, 3, 4]) for _ in range(200)] + [Rev([1, 2, 3, 4]) for _ in range(5)]))


def shadowed(n):
    xs = OC(range(n + 5))
    s = 0
    for i in range(n):
        if i == n // 2:
            xs.pop = lambda k: -1
        s += xs.pop(0)
    return s


print(shadowed(200))


def changed(n):
    xs = OC(range(20))
    s = 0
    for i in range(n):
        if i == n // 2:
            OC.__len__ = lambda self: 7
            OC.__getitem__ = lambda self, k: 100
        s += len(xs) + xs[3]
    return s


print(changed(300))
