import math
r = lambda x: round(x, 10)
print(math.exp(0), r(math.exp(1)), r(math.exp(-1)), math.exp(-1000), math.exp(math.inf), math.exp(-math.inf))
print(math.log(1), math.log(math.e), math.log(8, 2), math.log(100, 10), r(math.log(10)), math.log(math.inf))
print(math.log10(1000), math.log10(0.01), math.log2(1024), math.log2(0.5), r(math.log1p(1e-10) * 1e10), r(math.expm1(1e-10) * 1e10))
print(math.log(2**1000) / math.log(2), math.log10(10**500), math.log2(2**2000), r(math.log(10**400)))
for f, args in [(math.log, (0,)), (math.log, (-1,)), (math.log10, (0,)), (math.log2, (-2,)), (math.log1p, (-1,)),
                (math.log, (10, 1)), (math.log, (0, 10)), (math.log, (-(10**400),))]:
    try:
        print(f(*args))
    except (ValueError, ZeroDivisionError) as e:
        print(f.__name__, args if len(repr(args)) < 30 else "(-10**400,)", type(e).__name__ + ":", e)
for f in [math.exp, math.expm1, math.exp2]:
    try:
        f(1000)
    except OverflowError as e:
        print(f.__name__, "OverflowError:", e)
