import math
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.isclose(100, 101, rel_tol=0.01), math.isclose(100, 102, rel_tol=0.01), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
print(math.isclose(-1, -1.0000000001), math.isclose(1, -1), math.isclose(0.1 + 0.2, 0.3))
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print("ValueError:", e)
print(math.isfinite(1e308), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(0.0))
