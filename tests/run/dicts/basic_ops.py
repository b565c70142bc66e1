d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], "a" in d, "z" not in d)
del d["b"]
print(d, list(d), d.get("a"), d.get("z"), d.get("z", 0))
print(d.keys(), d.values(), d.items())
print(dict(), dict(a=1), dict([("x", 1), ("y", 2)]), dict({"k": 1}, z=2), dict(zip("ab", range(2))))
print({1: "int", 1.0: "float", True: "bool"}, {(): 0, None: 1, "": 2, 0: 3})
d2 = {}
for ch in "hello world":
    d2[ch] = d2.get(ch, 0) + 1
print(d2)
