import math
tests = [
    ("float(10**400)", lambda: float(10**400)),
    ("10**400 / 1", lambda: 10**400 / 1),
    ("1 / 10**400", lambda: 1 / 10**400),
    ("2.0 ** 10000", lambda: 2.0 ** 10000),
    ("math.exp(1000)", lambda: math.exp(1000)),
    ("10**400 * 1.0", lambda: 10**400 * 1.0),
    ("int(float('inf'))", lambda: int(float("inf"))),
    ("int(float('nan'))", lambda: int(float("nan"))),
    ("1e308 * 10", lambda: 1e308 * 10),
    ("(10**400) // 1.5", lambda: (10**400) // 1.5),
]
for name, fn in tests:
    try:
        print(name, "=", fn())
    except (OverflowError, ValueError) as e:
        print(name, "->", type(e).__name__ + ":", e)
