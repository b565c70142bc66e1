print(sorted([3, 1, 2]), sorted("cab"), sorted((2, 1)), sorted({3, 1, 2}), sorted({"b": 1, "a": 2}))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), sorted([-2, 1, -3], key=abs, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(list(reversed({"x": 1, "y": 2})), list(reversed([])))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print("TypeError:", e)
r = reversed([1, 2, 3])
print(next(r), list(r))
