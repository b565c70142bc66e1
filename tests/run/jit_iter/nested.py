# enumerate/zip loops nested with range and list loops (links between the traces of a nest)
def outer_enumerate(rows):
    t = 0
    for r, row in enumerate(rows):
        for k in range(3):
            t += r * k + row
    return t


def outer_zip(a, b):
    t = 0.0
    for x, y in zip(a, b):
        for k in range(4):
            t += x * k - y
        if x > 35:
            t += 0.5
    return t


def inner_enumerate(n, xs):
    t = 0
    for i in range(n):
        for j, x in enumerate(xs):
            t += i * j + x
    return t


def inner_zip_break(n, a, b):
    t = 0
    for i in range(n):
        for x, y in zip(a, b):
            if x + i > 45:
                break
            t += x * y
    return t


def three(rows):
    t = 0
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row):
            for k in range(2):
                t += r * c * v + k
    return t


rows = list(range(40))
print(sum(outer_enumerate(rows) for _ in range(10)))
print(sum(outer_zip(rows, [0.25] * 40) for _ in range(10)))
print(sum(inner_enumerate(30, rows) for _ in range(5)))
print(sum(inner_zip_break(30, rows, rows[::-1]) for _ in range(5)))
print(sum(three([[1, 2, 3] * 5] * 20) for _ in range(5)))
# an enumerate the program holds, advanced between loops
e = enumerate(rows, 7)
t = 0
for rep in range(3):
    for i, x in e:
        t += i * x
        if x % 10 == 9:
            break
    print(rep, t, next(e))
