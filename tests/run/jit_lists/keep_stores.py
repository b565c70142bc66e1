# element and attribute stores over a value of the same type (the trace writes the
# payload only), with aliases, type changes mid-loop and mixed element types
def bump(xs, d):
    for i in range(len(xs)):
        xs[i] += d
    return xs[:3], xs[-2:]


def axpy(a, x, y):
    for i in range(len(y)):
        y[i] = a * x[i] + y[i]
    return sum(y)


def alias(a, b):
    for i in range(len(a)):
        a[i] = a[i] + 1
        b[i] = b[i] * 2.5
    return a[:4]


def twice(xs, ys):
    for i in range(len(xs)):
        xs[i] = xs[i] + 1.0
        ys[i] = 0.5
        xs[i] = xs[i] * 3.0
    return sum(xs), sum(ys)


class P:
    def __init__(self, x):
        self.x = x


def attrs(ps, q):
    for p in ps:
        p.x += 1
        q.x = 0.25
        p.x += 1
    return [p.x for p in ps[:3]], q.x


ints = list(range(200))
print(bump(ints, 1), bump(ints, 2))
print(bump(ints, 0.5))
mixed = [1.5] * 100 + [2] * 100 + [True, None]
try:
    bump(mixed, 1)
except TypeError as e:
    print("TypeError", e, mixed[98:103])
fs = [k * 0.5 for k in range(300)]
print(axpy(2.0, fs, fs[:]), axpy(0.5, fs, [1] * 300))
xs = list(range(150))
print(alias(xs, xs), xs[:4], alias(xs, list(range(150))))
a = [1.0] * 120
print(twice(a, a), twice(a, [0.0] * 120))
ps = [P(k) for k in range(150)]
print(attrs(ps, P(1)), attrs(ps, ps[1]), attrs(ps, ps[100]))
