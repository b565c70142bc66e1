d = {"a": 1, "b": 2}
for obj in [[1, 2], (3,), "xy", d, d.values(), d.items(), {7}, range(2), b"ab", enumerate("z"), zip("a", "b")]:
    print(type(obj).__name__, list(obj))
it = iter(range(3))
print(list(zip(it, it)))
