# enumerate(...) made in an outer loop's body, iterated by an inner loop (the outer trace
# links into the inner one, whose "exhausted" side trace goes back to the outer loop)
def rows_sum(rows):
    t = 0
    for r in range(len(rows)):
        for c, v in enumerate(rows[r]):
            t += r * c + v
    return t


def starts(xs, n):
    t = 0
    for s in range(n):
        for i, x in enumerate(xs, s * 1000):
            t += i - x
    return t


def near_limit(xs):
    t = 0
    for k in range(3):
        for i, x in enumerate(xs, 2**63 - 25):
            t += x
            last = i
    return t, last


def with_break(xs, n):
    t = 0
    for s in range(n):
        for i, x in enumerate(xs):
            if i > s:
                break
            t += x
    return t


def grow_outer(xs, n):
    t = 0
    for s in range(n):
        for i, x in enumerate(xs):
            t += i * x
        xs.append(s)
    return t, len(xs)


def raises(xs, n):
    t = 0
    for s in range(n):
        for i, x in enumerate(xs):
            t += 100 // (x - s)
    return t


class L(list):
    def __iter__(self):
        return iter([7, 7])


rows = [list(range(k % 7)) for k in range(60)]
print(sum(rows_sum(rows) for _ in range(5)))
print(sum(rows_sum([tuple(r) for r in rows]) for _ in range(5)))
print(starts([1, 2, 3, 4, 5, 6], 40))
print(starts((1.5, 2.5), 40))
print(near_limit([1] * 10))
try:
    print(near_limit([1] * 30))
except Exception as e:
    print(type(e).__name__)
print(with_break(list(range(20)), 30))
print(grow_outer([1, 2, 3], 40))
for n in (3, 8):
    try:
        print(raises([10, 11, 12, 13, 14], n))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
print(rows_sum([L([1, 2, 3])] * 30), rows_sum([[1, 2], L([5]), [3]] * 10))
print(starts([], 50), starts([1], 50))
for start in (-(2**63), -(2**63) + 1, 2**63 - 1):
    t = 0
    for k in range(40):
        for i, x in enumerate([0, 1], start):
            t += x
            last = i
    print(start, t, last)
