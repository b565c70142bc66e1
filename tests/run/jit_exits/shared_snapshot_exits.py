# Exits that resume at an earlier bytecode than the failing check (snapshot sharing): the
# checks between two stores of a loop body share the first one's resume point, so the
# interpreter re-executes the loads and arithmetic in between before it fails the check
# itself. Every way such a check can fail: a short list (IndexError, caught and uncaught
# inside a callee), a type change of the third element, an int overflowing into a big
# int, a division by zero, and the same inside an inlined call.


def dot3(rows):
    total = 0.0
    for v in rows:
        a = v[0]
        b = v[1]
        c = v[2]
        total += a * b + c
    return total


rows = [[1.0, 2.0, 3.0]] * 300
print(dot3(rows))
print(dot3(rows + [[1.0, 2.0, 4]]))
print(dot3(rows + [[1.0, 2.0, 3.0 + 1e300j]]))
try:
    dot3(rows + [[1.0, 2.0]])
except IndexError as e:
    print("IndexError:", e)


def scale(points, k):
    out = []
    for p in points:
        x, y = p[0] * k, p[1] * k
        out.append(x + y)
    return out


pts = [[i, i + 1] for i in range(400)]
print(sum(scale(pts, 3)))
print(sum(scale(pts, 2**62)))
print(sum(scale(pts + [[1.5, 2]], 3)))
try:
    scale(pts + [[1]], 3)
except IndexError as e:
    print("IndexError:", e)


def ratio(xs, ys):
    acc = 0
    for i in range(len(xs)):
        a = xs[i]
        b = ys[i]
        acc += a // b + a % b
        xs[i] = acc
    return acc


xs = list(range(1, 500))
ys = [3] * 499
print(ratio(list(xs), list(ys)))
ys[420] = 0
try:
    ratio(list(xs), ys)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def get(v, i):
    return v[i] + v[i + 1]


def pairs(rows):
    t = 0
    for v in rows:
        t += get(v, 0) * get(v, 1)
    return t


grid = [[1, 2, 3] for _ in range(300)]
print(pairs(grid))
print(pairs(grid + [[1, 2, 3.5]]))
print(pairs(grid + [[1, 2]]))
