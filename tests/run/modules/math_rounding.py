import math
for x in [2.5, -2.5, 2.0, -0.0, 1e20, 0.9999999999999999, -1.1]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), math.modf(x))
print(math.floor(10**30), math.ceil(-7), math.trunc(True), type(math.floor(2.5)).__name__)
print(math.modf(math.inf), math.modf(-math.inf), math.modf(3))
for f in [math.floor, math.ceil, math.trunc]:
    for bad in [math.inf, math.nan]:
        try:
            f(bad)
        except (OverflowError, ValueError) as e:
            print(f.__name__, bad, type(e).__name__ + ":", e)
try:
    math.floor("1")
except TypeError as e:
    print("TypeError:", e)
