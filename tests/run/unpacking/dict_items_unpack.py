d = {"x": 1, "y": 2}
(k1, v1), (k2, v2) = d.items()
print(k1, v1, k2, v2)
a, b = d
print(a, b)
first, *rest = d.values()
print(first, rest)
x, y, z = range(3)
print(x, y, z)
[p, q], r = "ab", "c"
print(p, q, r)
