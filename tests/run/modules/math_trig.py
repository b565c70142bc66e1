import math
r = lambda x: round(x, 10)
for x in [0, math.pi / 6, math.pi / 4, math.pi / 2, math.pi, -1.5]:
    print(r(math.sin(x)), r(math.cos(x)), r(math.tan(x)))
print(r(math.asin(0.5)), r(math.acos(0.5)), r(math.atan(1)), math.asin(1) == math.pi / 2, math.acos(1))
print(r(math.atan2(1, 1)), r(math.atan2(-1, -1)), math.atan2(0, -1) == math.pi, math.atan2(0.0, 0.0), math.atan2(-0.0, -1.0) == -math.pi)
print(math.sin(0.0), math.sin(-0.0), math.atan(math.inf) == math.pi / 2)
for f, x in [(math.asin, 2), (math.acos, -1.5), (math.sin, math.inf), (math.cos, -math.inf), (math.tan, math.inf)]:
    try:
        f(x)
    except ValueError as e:
        print(f.__name__, x, "ValueError:", e)
print(math.degrees(math.pi), math.radians(180) == math.pi, math.degrees(1), math.radians(90))
