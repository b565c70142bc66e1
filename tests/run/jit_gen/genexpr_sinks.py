# Generator expressions consumed by tuple/list/set/sum/any/all: their loops run as traces
# whose yields store into the consumer (record/sink.rs) and read free variables (cell.rs).


def perms_checks(n):
    cols = range(n)
    found = 0
    for k in range(40):
        vec = tuple((k * 7 + i * 3) % n for i in cols)
        a = len(set(vec[i] + i for i in cols))
        b = len(set(vec[i] - i for i in cols))
        found += a * 100 + b
    return found


def consumers(xs):
    out = []
    for k in range(30):
        scale = k % 5
        out.append(sum(x * scale for x in xs))
        out.append(any(x > k for x in xs))
        out.append(all(x != k for x in xs))
        out.append(list(x + scale for x in xs)[-1])
        out.append(tuple(float(x) / (scale + 1) for x in xs)[2])
    return out


def mixed_types(n):
    # the yielded type changes mid-loop: int, then float, then a str (a set of strs is
    # not a plain-hashable sink: the value is yielded normally)
    res = []
    for k in range(n):
        base = k if k < 10 else (k * 0.5 if k < 20 else str(k))
        res.append(len(set(base for _ in range(6))))
        res.append(tuple(base for _ in range(3)))
    return res


print(perms_checks(8))
print(consumers([3, 1, 4, 1, 5, 9, 2, 6]))
print(mixed_types(25))
big = 2**62
print(sum(big for _ in range(5)))          # the int sum overflows 64 bits: yielded normally
print(sorted(set(i % 7 for i in range(100))))
