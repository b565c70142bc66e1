# The recorder reuses the elements of a sequence unpacked twice in one iteration: always
# for a tuple, for a list only when nothing was written in between. Every write below
# must be seen by the next unpacking.


def store_between(n, xs):
    total = 0
    for i in range(n):
        a, b = xs
        xs[0] = i
        c, d = xs
        total += a * 1000 + c * 10 + b + d
    return total, xs


def poke(xs, v):
    xs[1] = v


def call_between(n, xs):
    total = 0
    for i in range(n):
        a, b = xs
        poke(xs, i * 2)
        c, d = xs
        total += a + b * 3 + c * 7 + d * 11
    return total, xs


def append_between(n):
    out = []
    pair = [1, 2]
    for i in range(n):
        a, b = pair
        out.append(a + b)
        c, d = pair
        pair[0] = c + d
        e, f = pair
        out.append(e - f)
    return out[-4:], pair


def tuple_twice(n, t):
    total = 0
    for i in range(n):
        a, b, c = t
        x, y, z = t
        total += a * x + b * y + c * z + i
        if i == n - 5:
            t = (1.5, 2, 0.25)
        elif i == n - 3:
            t = ("a", "b", "c")
            try:
                a, b, c = t
                x, y, z = t
                total += a * x
            except TypeError as exc:
                print("TypeError:", exc)
                t = (2, 3, 4)
    return total, t


def mixed(n, seqs):
    total = 0
    for i in range(n):
        s = seqs[i % len(seqs)]
        a, b = s
        c, d = s
        total += a - c + b - d + a
    return total


print(store_between(300, [5, 6]))
print(call_between(300, [1, 2]))
print(append_between(300))
print(tuple_twice(300, (1, 2, 3)))
print(mixed(300, [(1, 2), [3, 4], (5.5, 6)]))
print(mixed(300, [[1, 2]]))
