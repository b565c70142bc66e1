# math.sin/cos/exp/log/... in hot loops (recorded as IR ops): ints, floats, NaN, inf,
# huge ints, bools, zero and negative inputs, errors caught inside and outside the loop.
import math
from math import sin, cos, exp, log, sqrt

NAMES = ["sin", "cos", "tan", "exp", "log", "log2", "log10", "atan", "asin", "acos",
         "sinh", "cosh", "tanh", "expm1", "log1p", "fabs"]


def bits(x):
    return x.hex() if x == x else "nan"


def probe(k, x):
    if k == 0: return math.sin(x)
    if k == 1: return math.cos(x)
    if k == 2: return math.tan(x)
    if k == 3: return math.exp(x)
    if k == 4: return math.log(x)
    if k == 5: return math.log2(x)
    if k == 6: return math.log10(x)
    if k == 7: return math.atan(x)
    if k == 8: return math.asin(x)
    if k == 9: return math.acos(x)
    if k == 10: return math.sinh(x)
    if k == 11: return math.cosh(x)
    if k == 12: return math.tanh(x)
    if k == 13: return math.expm1(x)
    if k == 14: return math.log1p(x)
    return math.fabs(x)


def table(inputs):
    for k in range(len(NAMES)):
        out = []
        for x in inputs:
            for _ in range(3):
                try:
                    r = bits(probe(k, x))
                except (ValueError, OverflowError) as e:
                    r = type(e).__name__ + ":" + str(e)
            out.append(r)
        print(NAMES[k], " ".join(out))


def smooth(n):
    s = 0.0
    for i in range(n):
        s += sin(i) * cos(i) + math.tan(i * 0.001) + exp(-i) + log(i + 1)
    t = 0.0
    for i in range(-n, n):
        x = i / 7
        t += math.atan(x) + math.tanh(x) + math.log1p(x * x) + math.fabs(x) + sqrt(x * x)
    return bits(s), bits(t)


def log_until_error():
    total = 0.0
    try:
        for i in range(100, -5, -1):
            total += log(i)
    except ValueError as e:
        print("caught", e, "at", i, bits(total))
    try:
        for i in range(0, 1000, 5):
            total += math.exp(i)
    except OverflowError as e:
        print("caught", e, "at", i)


def sometimes_inf():
    n = 0
    for k in range(400):
        x = float("inf") if k % 97 == 96 else k * 0.25
        try:
            n += int(sin(x) * 10)
        except ValueError:
            n += 1000
    return n


def acos_all():
    r = 0.0
    for k in range(300):
        r += math.acos(1 - k / 100)
    return r


table([0, 1, -1, 2, 0.5, -0.5, 0.0, -0.0, 3.75, 1e-300, 100, 1000, -1000.0, 710.0, True,
       2 ** 53 + 1, -(2 ** 60) - 1, 2 ** 62, 2 ** 70, float("inf"), float("-inf"), float("nan")])
print(smooth(300))
log_until_error()
print(sometimes_inf())
print(bits(sqrt(2) * math.sinh(-2) * math.cosh(3) + math.expm1(1e-10)))
print(acos_all())
