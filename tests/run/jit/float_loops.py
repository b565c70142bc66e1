# While loops over float locals and int/float mixing: accumulation, division, comparisons
# between ints and floats, NaN and infinities reached inside a compiled loop.


def harmonic(n):
    i = 1
    h = 0.0
    while i <= n:
        h += 1.0 / i
        i += 1
    return h


def halve(x, n):
    i = 0
    while i < n:
        x = x / 2.0
        i += 1
    return x


def mix(n):
    i = 0
    s = 0.5
    t = 0.0
    while i < n:
        s = s * 1.0001 + i
        t = t - i * 0.25
        i = i + 1
    return s, t, i


def grow(x):
    steps = 0
    while x < 1e308:
        x = x * 10.0
        steps += 1
    return x, steps


def until_inf(x):
    n = 0
    while x != x * 2.0:
        x = x * 3.0
        n += 1
    return x, n


def compare_int_float(n):
    i = 0
    f = 0.0
    hits = 0
    while i < n:
        if i < f:
            hits += 1
        f += 1.5
        i += 1
    return hits


print(harmonic(1), harmonic(1000))
print(halve(1e300, 2000), halve(-3.0, 10), halve(0.0, 500))
print(mix(1000))
print(grow(1.0), grow(1e-300))
print(until_inf(1.0), until_inf(-2.0))
print(compare_int_float(500))
print(repr(halve(float("nan"), 200)), halve(float("inf"), 300))
