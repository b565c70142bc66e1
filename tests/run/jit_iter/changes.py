# enumerate/zip loops whose element types change, lists mutated during the loop,
# break/return/exceptions at each point, items used as tuples
def total(xs):
    t = 0
    for i, x in enumerate(xs):
        t += i * x
    return t


def zsum(a, b):
    t = 0
    for x, y in zip(a, b):
        t += x * y
    return t


print(total([1, 2, 3] * 20))
print(total([1, 2, 3] * 20 + [1.5, 2.5]))
print(total([1] * 30 + [2**70, 3]))
print(total([1.0] * 30 + [True, 4]))
try:
    print(total([1] * 30 + ["a", 2]))
except TypeError as e:
    print("TypeError", e)
print(zsum([1, 2] * 20, [3] * 30 + [0.5] * 10))
try:
    print(zsum([1, 2] * 20, [3] * 30 + [None] * 10))
except TypeError as e:
    print("TypeError", e)


def grow(xs):
    n = 0
    for i, x in enumerate(xs):
        if i < 50 and i % 10 == 0:
            xs.append(x + 1)
        n += x
    return n, len(xs)


print(grow(list(range(40))))


def shrink(xs):
    n = 0
    for i, x in enumerate(xs):
        if i == 30:
            del xs[35:]
        n += i + x
    return n


print(shrink(list(range(60))))


def mutate(xs, ys):
    n = 0
    for i, (x, y) in enumerate(zip(xs, ys)):
        n += x * y + i
    for x, y in zip(xs, ys):
        if x == 20:
            ys[25] = 2.5
        n += x * y
    return n


print(mutate(list(range(40)), list(range(40))))


def find(xs, want):
    for i, x in enumerate(xs):
        if x == want:
            return i
    return -1


print([find(list(range(50)), w) for w in (0, 10, 49, 50, 25)])


def first_break(a, b):
    got = None
    for x, y in zip(a, b):
        if x + y > 60:
            got = (x, y)
            break
    return got


print([first_break(list(range(k, 50)), list(range(50))) for k in range(0, 40, 7)])


def divide(xs):
    t = 0.0
    for i, x in enumerate(xs):
        t += i / x
    return t


for k in range(3):
    try:
        print(divide([1, 2, 3] * 20 + [0] * k + [5]))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


def as_tuple(xs):
    out = []
    for p in enumerate(xs):
        out.append(p)
    return out


print(as_tuple("abc"), as_tuple([1, 2])[-1], len(as_tuple(list(range(100)))))


def continue_some(xs, ys):
    t = 0
    for i, x in enumerate(xs, 1):
        if i % 3 == 0:
            continue
        for y, z in zip(ys, ys):
            t += x * y - z
    return t


print(continue_some(list(range(30)), [1, 2, 3, 4]))


def overflow_count():
    t = 0
    for i, x in enumerate([1] * 40, 2**63 - 30):
        t += x
        last = i
    return t, last


print(overflow_count(), overflow_count())


def held(xs):
    it = iter(xs)
    e = enumerate(it, 5)
    n = 0
    for i, x in e:
        n += x
        if i == 25:
            break
    return n, next(it), next(e)


print(held(list(range(40))))


def nested(rows):
    t = 0
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t += r * c * v
    return t


print(nested([[1, 2, 3, 4] * 10 for _ in range(30)]))
