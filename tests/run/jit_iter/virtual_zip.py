# zip(...) of lists/tuples made in an outer loop's body, iterated by an inner loop
def dots(rows, v):
    out = 0.0
    for r in range(len(rows)):
        for a, b in zip(rows[r], v):
            out += a * b
    return out


def three(a, b, c, n):
    t = 0
    for k in range(n):
        for x, y, z in zip(a, b, c):
            t += x * y + z + k
    return t


def unequal(a, b, n):
    t = 0
    for k in range(n):
        for x, y in zip(a, b):
            t += x - y
    return t


def early(a, b, n):
    t = 0
    for k in range(n):
        for x, y in zip(a, b):
            if x > k:
                break
            t += y
    return t


def changes(rows, v):
    t = 0
    for r in range(len(rows)):
        for a, b in zip(rows[r], v):
            t += a * b
    return t


rows = [[float(i + j) for j in range(8)] for i in range(40)]
print(sum(dots(rows, [0.5] * 8) for _ in range(5)))
print(sum(dots(rows, (1.0, 2.0, 3.0)) for _ in range(5)))
print(three([1, 2, 3, 4], (5, 6, 7, 8, 9), [1] * 10, 50))
print(unequal(list(range(10)), list(range(4)), 60), unequal([], [1], 40), unequal((1,), [], 40))
print(early(list(range(12)), [3] * 12, 30))
mixed = [[1, 2, 3]] * 20 + [[1.5, 2, 3]] + [[1, 2, 2**70]] + [[1, 2, 3]] * 20
print(changes(mixed, [4, 5, 6]))
try:
    print(changes([[1, 2]] * 30 + [["a", 2]], [1, 1]))
except TypeError as e:
    print("TypeError", e)
print(sum(sum(x for (x,) in zip(r)) for r in rows))
