import math
nan, inf = math.nan, math.inf
print(nan + 1, nan * 0, inf - 1, inf * -1, -inf ** 2, (-inf) ** 2, inf ** 0, nan ** 0, 1 ** nan)
print(inf % 3 if False else "skip", 3 % inf, -3 % inf, 3 // inf, -3 // inf)
print(min(nan, 1), max(nan, 1), min(1, nan), max(1, nan))
print(math.isnan(inf - inf), math.isnan(inf * 0))
try:
    print(inf % 3)
except Exception as e:
    print(type(e).__name__, e)
print(divmod(5.0, inf), divmod(-5.0, inf))
