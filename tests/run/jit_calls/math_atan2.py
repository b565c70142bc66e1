# math.atan2 / math.copysign in hot loops (recorded as IR ops): ints, floats, signed
# zeros, infinities, NaN, huge ints, bools and bad arguments (opaque calls).
import math
from math import atan2, copysign

inf = float("inf")
nan = float("nan")
VALUES = [0, 1, -1, 3, 0.0, -0.0, 0.5, -2.5, 1e300, -1e-310, inf, -inf, nan,
          2 ** 53 + 1, -(2 ** 62), 2 ** 70, True]


def bits(x):
    return x.hex() if x == x else "nan"


def grid():
    for y in VALUES:
        row = []
        for x in VALUES:
            a = b = 0.0
            for _ in range(3):
                a = atan2(y, x)
                b = math.copysign(y, x)
            row.append(bits(a) + "/" + bits(b))
        print(" ".join(row))


def angles(n):
    s = 0.0
    for i in range(-n, n):
        s += atan2(i, n - i) + copysign(1.5, i) + math.atan2(0.25 * i, -1)
    return bits(s)


def bad_argument():
    r = 0.0
    try:
        for k in range(200):
            r += atan2(k, "x" if k == 150 else 1.0)
    except TypeError as e:
        print("TypeError", e, k, bits(r))


grid()
print(angles(500))
bad_argument()
print(bits(copysign(3, -0.0)), bits(atan2(-0.0, -0.0)))
math.copysign(1.0, [])
