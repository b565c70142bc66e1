import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([]), math.fsum([1e308, 1e308 * 0.5, -1e308]))
print(math.fsum([1, 2, 3]), math.fsum(x / 10 for x in range(11)), math.fsum([1e-16, 1, -1]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 4]), math.prod(range(1, 21)), math.prod([1, 2], start=10))
print(math.prod([True, True]), math.prod(["a"], start=1) if False else math.prod([3] * 40))
try:
    math.fsum([math.inf, -math.inf])
except ValueError as e:
    print("ValueError:", e)
print(math.fsum([math.inf, 1]), math.fsum([math.nan, 1]))
try:
    math.fsum([1e308] * 2)
except OverflowError as e:
    print("OverflowError:", e)
