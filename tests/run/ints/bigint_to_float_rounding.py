# float(int) of big ints: correctly rounded, ties to even (PyLong_AsDouble), in float(),
# arithmetic with floats, math functions and float formatting of ints
import math
f = 1e10
for i in range(150):
    f = float(int(f) * 3)
    if f > 1e60:
        break
print(f, int(f))
n = 2**200 + 2**147 + 1
print(float(n), float(2**200 + 2**147), float(2**200 + 2**147 + 2**146), float(-(2**64 + 1)))
print(float(12345678901234567890123456789), float(2**63 * 3 + 12345))
for k in [2**53 + 1, 2**54 + 3, 2**64 + 2**11 + 1, 3**100, 7**77, 10**22 + 1]:
    print(float(k), k / 1, float(-k))
vals = [2**200 + 2**147 + 2**146, 2**1023 * 2 - 2**970, 2**1024 - 2**970, -(2**1024 - 2**971), 3**500, 2**63 + 1, 2**64 - 1, 2**53 + 1, 2**54 + 2]
for v in vals:
    try:
        print(float(v), v * 1.0, math.sqrt(v) if v > 0 else 0, v / 3, v // 3 == 0)
    except OverflowError as e:
        print("OverflowError", e)
print(float(10**308), 10**308 + 0.5)
try:
    print(float(2**1024 - 2**970))
except OverflowError as e:
    print("OverflowError", e)
print(float(2**1024 - 2**971 - 1))
n = 2**200 + 2**147 + 2**146
print("{:e}".format(n), "%.17g" % n, "{:.3f}".format(-n), f"{n:g}")
