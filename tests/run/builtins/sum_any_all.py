print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum([0.1] * 3), sum(range(101)), sum([[1], [2]], []))
print(sum((x for x in range(5)), start=100), sum([1.5, 2, True]))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any("abc"), all(["", "x"]))
print(any(x > 2 for x in [1, 2, 3]), all(isinstance(x, int) for x in [1, True]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print("TypeError:", e)
