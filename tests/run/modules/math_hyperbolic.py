import math
r = lambda x: round(x, 10)
for x in [0, 0.5, 1, -2]:
    print(r(math.sinh(x)), r(math.cosh(x)), r(math.tanh(x)))
print(r(math.asinh(1)), r(math.acosh(2)), r(math.atanh(0.5)), math.acosh(1), math.asinh(0), math.tanh(math.inf))
for f, x in [(math.acosh, 0.5), (math.atanh, 1), (math.atanh, -2)]:
    try:
        f(x)
    except ValueError as e:
        print(f.__name__, x, "ValueError:", e)
for f in [math.sinh, math.cosh]:
    try:
        f(1000)
    except OverflowError as e:
        print(f.__name__, "OverflowError:", e)
