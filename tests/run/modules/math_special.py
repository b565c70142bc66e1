import math
r = lambda x: round(x, 8)
print(r(math.erf(0.5)), r(math.erfc(0.5)), math.erf(0), math.erfc(0), math.erf(math.inf), math.erf(-math.inf))
print(math.gamma(5), math.gamma(0.5) ** 2 - math.pi < 1e-12, r(math.gamma(2.5)), math.gamma(1), math.gamma(-0.5) < 0)
print(math.lgamma(1), math.lgamma(2), r(math.lgamma(10)), r(math.lgamma(0.5)), math.lgamma(-0.5) > 0)
print(math.gamma(171) > 1e306, math.factorial(10) == math.gamma(11))
for f, x in [(math.gamma, 0), (math.gamma, -1), (math.lgamma, 0), (math.lgamma, -2)]:
    try:
        f(x)
    except ValueError as e:
        print(f.__name__, x, "ValueError:", e)
try:
    math.gamma(200)
except OverflowError as e:
    print("OverflowError:", e)
