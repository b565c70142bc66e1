sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
print(sorted([(1, "b"), (2, "a")], key=lambda t: t[1]))
print(list(map(lambda x: x + 1, [1, 2, 3])), list(filter(lambda s: s.startswith("a"), ["ab", "b", "ac"])))
print(sq.__name__, type(sq).__name__)
make_adder = lambda n: lambda x: x + n
print(make_adder(3)(4))
print((lambda x, /, y, *, z: x + y + z)(1, 2, z=3))
