def minmax(xs):
    lo = hi = xs[0]
    for x in xs[1:]:
        if x < lo:
            lo = x
        elif x > hi:
            hi = x
    return lo, hi
print(minmax([5, 3, 9, 1, 7]))
lo, hi = minmax([2])
print(lo, hi)
a, b = 1, 2
a, b = b, a + b
print(a, b)
for _ in range(10):
    a, b = b, a + b
print(a, b)
