d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("c", 3) in it, ("c", 4) in it)
d["d"] = 4
print(list(k), list(v), list(it))
print(k & {"a", "z"} == {"a"}, sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(list(reversed(k)), list(reversed(d.values())), list(reversed(d.items())))
print(k == {"a", "b", "c", "d"}, d.keys() == d.keys(), d.items() <= {("a", 1), ("b", 2), ("c", 3), ("d", 4)})
print(k.isdisjoint(["x"]), k.isdisjoint("abc"))
for key, val in d.items():
    print(key, val, end="; ")
print()
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
