import math
print(math.hypot(3, 4), math.hypot(), math.hypot(5), math.hypot(1, 2, 2), math.hypot(-3, -4), math.hypot(math.inf, math.nan))
print(math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]) == math.sqrt(3), math.dist((1,), (-4,)))
try:
    math.dist((1, 2), (1,))
except ValueError as e:
    print("ValueError:", e)
print(math.hypot(1e300, 1e300), math.hypot(1e-300, 1e-300))
