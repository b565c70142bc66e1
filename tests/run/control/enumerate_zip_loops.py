names = ["ann", "bob", "cy"]
ages = [30, 25]
for i, name in enumerate(names):
    print(i, name)
for i, name in enumerate(names, start=10):
    print(i, name)
for name, age in zip(names, ages):
    print(name, age)
for a, b, c in zip("xyz", range(3), [True, False, None]):
    print(a, b, c)
print(list(zip()), list(zip([1])), list(zip(names, ages, "pq")))
try:
    list(zip(names, ages, strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1, 2], [3, 4], strict=True)))
