# float ** in the dispatch loop: positive finite base and finite exponent computed inline,
# every other case (zero or negative base, infinities, NaN, overflow) through float.__pow__.
import math
vals = [0.5, 1.0, 2.0, 3.7, 1e-300, 1e300, 123456.789, 0.999999, 1.0000001, 7, 3, 1, 2**53 + 1, 10**15]
exps = [-1.5, 0.5, 2.0, -2.0, 0.0, 1e-10, 1000.0, -1000.0, 0.3333333333333333, 2, -3, 0, 17]
out = []
for x in vals:
    for y in exps:
        try:
            r = x ** y
            out.append(repr(r))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
        try:
            z = x
            z **= y
            out.append(repr(z))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
print(len(out))
for i in range(0, len(out), 8):
    print(" ".join(out[i:i + 8]))
s = 0.0
for i in range(1, 2000):
    s += (i * 0.37) ** -1.5 + (i / 7.0) ** 0.5 + i ** 0.25
print(repr(s))
for x, y in [(-2.0, 0.5), (0.0, -1.0), (float("inf"), 2.0), (float("nan"), 1.0), (-8.0, 1 / 3), (10.0, 400.0), (1e-200, 2.0), (0.0, 0.5), (-0.0, 3.0)]:
    try:
        print(repr(x ** y))
    except Exception as e:
        print(type(e).__name__, e)
