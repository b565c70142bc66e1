import math
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-3.5), math.frexp(1e-320), math.ldexp(0.5, 4), math.ldexp(1, -1075))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(math.inf, -1), math.fabs(-3), math.fabs(-0.0))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, 2), -7 % 3)
print(math.remainder(7, 3), math.remainder(8, 3), math.remainder(-7, 3), math.remainder(5, 2), math.remainder(7, 2))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(2.0, 2.0))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(-2.0), math.ulp(math.inf))
for f, args in [(math.fmod, (1, 0)), (math.fmod, (math.inf, 1)), (math.remainder, (1, 0))]:
    try:
        f(*args)
    except ValueError as e:
        print(f.__name__, "ValueError:", e)
try:
    math.ldexp(1.0, 2000)
except OverflowError as e:
    print("OverflowError:", e)
