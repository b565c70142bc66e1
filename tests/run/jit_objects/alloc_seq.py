# Tuples and lists built in loop traces (BUILD_TUPLE, BUILD_LIST): kept in containers,
# unpacked, indexed, compared, carried by locals, holding instances, globals and
# functions; exits right after building; an error while one is alive.


class V:
    def __init__(self, x):
        self.x = x


def helper(a):
    return a * 2


LIMIT = 7


def kept(n):
    out = []
    t = 0
    for i in range(n):
        p = (i, i * 0.5, None, True)
        out.append(p)
        a, b, c, d = p
        t += a + b
    return t, out[-1], len(out)


def mixed(n):
    pairs = []
    for i in range(n):
        q = [i, V(i), helper, LIMIT, "s"]
        pairs.append((q, q[1]))
    last = pairs[-1]
    return len(pairs), last[0][0], last[1].x, last[0][2](3), last[0][3]


def carried(n):
    prev = (0, 0)
    acc = []
    for i in range(n):
        cur = (prev[1], i)
        prev = cur
        acc = [i, acc[0] if acc else -1]
    return prev, acc


def exits(n):
    s = 0
    for i in range(n):
        t = (i, -i)
        if i % 9 == 4:
            s += t[1]
        else:
            s += t[0]
        lst = [t, t]
        if lst[0] is not lst[1]:
            s = -1
    return s


def raising(n):
    total = 0
    for i in range(n):
        pair = (i, 100 // (n - 1 - i) if i < n - 1 else 0)
        total += pair[1]
    keep = []
    try:
        for i in range(n):
            keep.append([i, 1 // (i - 150)])
    except ZeroDivisionError as e:
        return total, len(keep), str(e)


print(kept(400))
print(mixed(400))
print(carried(400))
print(exits(400))
print(raising(400))
