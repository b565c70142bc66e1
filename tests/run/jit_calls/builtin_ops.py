# math.sqrt, abs, min and max on ints and floats in hot loops: results, corner values
# (negative zero, NaN, infinities, -2**63) and the exceptions CPython raises.
import math

def sq_loop(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i) + math.sqrt(i * 0.5)
    return t

print(sq_loop(100), sq_loop(1000))

def sq_signs(n, x):
    r = 0.0
    for i in range(n):
        r = math.sqrt(x)
    return r

for x in (0.0, -0.0, 2.0, float("inf"), float("nan"), 4, 0, 10**15):
    print(repr(sq_signs(30, x)))
try:
    sq_signs(30, -1.0)
except ValueError as e:
    print("ValueError:", e)
try:
    sq_signs(30, float("-inf"))
except ValueError as e:
    print("ValueError:", e)

def sq_goes_negative(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(40 - i)
    return t

try:
    sq_goes_negative(60)
except ValueError as e:
    print("ValueError:", e)

def abs_loop(n, base):
    t = 0
    for i in range(n):
        t += abs(base - i)
    return t

print(abs_loop(100, 50), abs_loop(100, -(2**62)), abs_loop(100, 2**62))

def abs_min(n, x):
    r = 0
    for i in range(n):
        r = abs(x)
    return r

print(abs_min(30, -(2**63)), abs_min(30, -(2**63) + 1), abs_min(30, 2**63 - 1))

def abs_to_big(n):
    x = -(2**63) + 40
    r = 0
    for i in range(n):
        r = abs(x - i)
    return r

print(abs_to_big(30), abs_to_big(60))

def fabs_loop(n, x):
    t = 0.0
    r = 0.0
    for i in range(n):
        r = abs(x - i * 0.5)
        t += r
    return t, r

print(fabs_loop(50, 10.0), fabs_loop(50, -0.0))
for x in (-0.0, 0.0, float("-inf"), float("nan"), -2.5):
    print(repr(fabs_loop(20, x)[1] if x != x else abs_min(20, x)))

def minmax_ints(n):
    t = 0
    for i in range(n):
        t += min(i, 50) + max(i, 50) - min(30, i) * max(2, i % 5)
    return t

print(minmax_ints(100), minmax_ints(1000))

def minmax_floats(n, a, b):
    lo = hi = 0.0
    for i in range(n):
        lo = min(a, b)
        hi = max(a, b)
    return lo, hi

nan = float("nan")
for a, b in ((0.0, -0.0), (-0.0, 0.0), (nan, 1.0), (1.0, nan), (2.5, 2.5), (-1.0, 3.0),
             (float("inf"), float("-inf"))):
    print(minmax_floats(30, a, b))

def minmax_mixed(n):
    out = []
    for i in range(n):
        out.append(min(i, 2.5))
        out.append(max(i * 1.0, 3))
    return out[-6:]

print(minmax_mixed(40))

def shadowed_math(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i)
    return t

print(shadowed_math(50))
math.sqrt = lambda x: -1.0
print(shadowed_math(50))
