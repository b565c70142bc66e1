# Opaque calls in loop traces (callees that use a default argument are not inlined): bound methods of instances held in locals, bound builtin
# methods (list.pop / list.insert, as bm_fannkuch), classes called in the loop, builtins
# without a translation, results of every type (None, bool, int, float, str, list, object).


class Counter:
    def __init__(self, start):
        self.n = start

    def step(self, k, unused=None):
        self.n += k
        return self.n

    def kind(self, i, unused=None):
        return [None, True, i, i / 4, "s%d" % i, [i], self][i % 7]


def rotate(n):
    xs = list(range(n))
    pop = xs.pop
    ins = xs.insert
    for i in range(3 * n):
        ins(i % n, pop(0))
    return xs


def results(n):
    c = Counter(0)
    step = c.step
    kind = c.kind
    out = []
    t = 0
    for i in range(n):
        t += step(i)
        r = kind(i)
        out.append(type(r).__name__)
        kind(i + 1)
        Counter(i)
        t += len(str(i))
        t += isinstance(c, Counter)
    return t, out[:8], c.n


def floats(n):
    acc = 0.0
    for i in range(n):
        acc += float(i) * 0.5
        acc = max(acc, float(i))
    return acc


print(rotate(10))
print(results(40))
print(floats(30))
