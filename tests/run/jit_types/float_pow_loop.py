# float ** in traced loops: positive bases (machine code), then bases and exponents that
# leave the trace: zero (ZeroDivisionError), negative (a complex result), overflow
# (OverflowError), NaN and infinities, int exponents and int bases


def norm_loop(xs):
    t = 0.0
    for x in xs:
        t += (x * x + 1.0) ** (-1.5)
    return t


def pw(pairs):
    out = []
    for a, b in pairs:
        try:
            r = a ** b
            out.append(repr(r) if not isinstance(r, complex) else "complex")
        except (ZeroDivisionError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


print(norm_loop([i * 0.01 for i in range(500)]))
print(norm_loop([0.5] * 100 + [-0.0] + [2.0] * 100))
base = [(1.5, 2.0)] * 120
tail = [(0.0, -1.0), (-8.0, 1.0 / 3), (10.0, 400.0), (float("nan"), 0.0), (1.0, float("nan")),
        (float("inf"), -2.0), (2.0, 3), (3, 0.5), (2.5, -2), (1e-300, 1.1), (2.0, -1070.0),
        (0.0, 0.0), (-2.0, 2.0), (7, 2.0)]
r = pw(base + tail + base)
print(len(r), r[0], r[120:134], r[-1])


def mixed(n):
    s = 0.0
    for i in range(1, n):
        s += i ** 0.5 + 2.0 ** (i % 7)
    return s


print(mixed(300))
