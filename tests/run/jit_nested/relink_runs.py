# Links remembered for one run only: many runs of the same nests, with a global the
# traces pin rebound between runs, element types that change between runs (the inner
# trace swaps), loops dropped and re-entered, and nests run near the recursion limit.
import sys

K = 1


def scaled(n):
    t = 0
    i = 0
    while i < n:
        j = 0
        while j < 4:
            t += K * j
            j += 1
        i += 1
    return t


for k in [1, 2.5, 3, -1, 2.5]:
    K = k
    print("scaled", k, scaled(40), scaled(7))


def tri(n):
    s = 0
    for i in range(n):
        for j in range(i % 5):
            s += i * j - 1
    return s


print("tri", [tri(20 + k) for k in range(8)])


def total(rows):
    tot = 0
    for r in rows:
        for x in r:
            tot += x
    return tot


for rows in ([[1, 2, 3]] * 30, [[1.5, 2.5]] * 30, [[4, 5]] * 30, [[0.25] * 3] * 30, [[7]] * 30):
    print("total", total(rows))


def add(a, b):
    return a + b


def deep(d, n):
    if d > 0:
        return deep(d - 1, n)
    s = 0
    for i in range(n):
        for j in range(3):
            s = add(s, i * j)
    return s


sys.setrecursionlimit(80)
for d in (10, 60, 74, 75, 76, 77, 78, 79, 10):
    try:
        print("deep", d, deep(d, 25))
    except RecursionError as e:
        print("deep", d, type(e).__name__)
