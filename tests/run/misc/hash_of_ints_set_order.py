s = set()
for v in [1000, 7, 3, 64, 1 << 20, -1, 5, 1 << 40]:
    s.add(v)
print(s)
print({i * 8 for i in range(10)})
print({i for i in range(100, 90, -1)})
d = {}
for k in [3, 1, 2]:
    d[k] = str(k)
print(set(d), frozenset(range(5, 0, -1)))
print(sorted({-5, 5, -10, 10}), {-5, 5, -10, 10})
