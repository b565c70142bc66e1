pairs = [((1, 2), "a"), ((3, 4), "b")]
for (x, y), label in pairs:
    print(x + y, label)
records = [("ann", (1990, 5)), ("bob", (1985, 12))]
for name, (year, month) in records:
    print(f"{name}: {month}/{year}")
for first, *others in [[1, 2, 3], [4], [5, 6]]:
    print(first, others)
data = {"a": [1, 2], "b": [3, 4]}
for key, (lo, hi) in data.items():
    print(key, hi - lo)
