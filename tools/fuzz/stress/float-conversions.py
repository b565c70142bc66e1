for v in ('1e999999', 'nan', '-inf', '0x1p3', '1_0.5', '١٢', '  1.5  ', '1e', '', '.', 'infinity', '9' * 5000):
    try:
        print(float(v))
    except ValueError as e:
        print(e)
for v in (10**400, -10**400, 2**1024, 2**1023 * 2 - 1):
    try:
        print(float(v))
    except OverflowError as e:
        print(e)
for f in (float('nan'), float('inf'), -float('inf'), 1e308):
    for fn in (int, round, lambda x: round(x, 2), lambda x: round(x, -400), lambda x: round(x, 10**30), lambda x: x.as_integer_ratio(), lambda x: x.is_integer(), hash, lambda x: divmod(x, 0.0), lambda x: x % 0.0, lambda x: x // 0.0):
        try:
            print(fn(f))
        except (ValueError, OverflowError, ZeroDivisionError, TypeError) as e:
            print(type(e).__name__, e)
print(round(123456, -10**9), round(1.5, 10**9), round(2**200, -20), 10**400 // 3.0 if False else 0)
try:
    print(10**400 / 3)
except OverflowError as e:
    print(e)
try:
    print(10**400 / 10**399, (10**400) * 1.0)
except OverflowError as e:
    print(e)
print(divmod(-7, 2), divmod(-2**64, 3), (-2**63) // -1, (-2**63) % -1, abs(-2**63), -(-2**63), (2**63 - 1) + 1, (-2**63) * -1)
import math
print(math.factorial(1000) % 1009, math.isqrt(10**100), math.gcd(2**100, 2**80), math.comb(1000, 500) % 97)
for fn, a in ((math.factorial, -1), (math.factorial, 10**20), (math.sqrt, -1), (math.log, 0), (math.exp, 1000), (math.isqrt, -1), (math.ldexp, (1.0, 10**20)), (math.ldexp, (1.0, -10**20)), (math.pow, (10.0, 1000))):
    try:
        print(fn(*a) if isinstance(a, tuple) else fn(a))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
