import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.tau == 2 * math.pi, math.isinf(math.inf), math.isnan(math.nan), type(math.pi).__name__)
print(repr(math.pi), str(math.e), f"{math.pi:.30f}")
