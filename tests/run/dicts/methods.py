d = {"x": 1, "y": 2, "z": 3}
print(d.pop("x"), d.pop("missing", "dflt"), d)
print(d.popitem(), d)
print(d.setdefault("y", 100), d.setdefault("w", 7), d)
d.update({"a": 1}, b=2)
d.update([("c", 3)])
print(d)
c = d.copy()
c["y"] = -1
print(d["y"], c["y"])
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
d.clear()
print(d, d == {}, bool(d))
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
print({"a": 1} | {"b": 2}, {"a": 1, "b": 2} | {"a": 3})
e = {"a": 1}
e |= {"c": 5}
print(e)
