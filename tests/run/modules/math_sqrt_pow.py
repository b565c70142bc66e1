import math
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(1e308), math.sqrt(10**40))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 3), math.pow(0, 0), math.pow(1, math.nan), math.pow(math.inf, -1))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40 + 1), math.isqrt(2**127))
print(math.cbrt(27), math.cbrt(-8), math.exp2(10), math.exp2(-1))
for f, args in [(math.sqrt, (-1,)), (math.pow, (-8, 1 / 3)), (math.pow, (0, -1)), (math.isqrt, (-1,))]:
    try:
        f(*args)
    except ValueError as e:
        print(f.__name__, "ValueError:", e)
try:
    math.isqrt(2.0)
except TypeError as e:
    print("TypeError:", e)
try:
    math.pow(10, 400)
except OverflowError as e:
    print("OverflowError:", e)
