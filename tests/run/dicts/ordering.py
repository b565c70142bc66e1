d = {}
for key in [5, 3, 9, 1, "z", "a"]:
    d[key] = key
print(list(d))
del d[3]
d[3] = "again"
print(list(d))
d[5] = "updated"
print(d)
print(list(dict.fromkeys([3, 1, 3, 2, 1])))
e = {"b": 1, "a": 2}
f = {"a": 2, "b": 1}
print(e == f, list(e) == list(f))
print(sorted(e.items()), sorted(e, key=e.get))
