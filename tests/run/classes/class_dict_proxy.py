class C:
    x = 1
    def m(self): return 2
d = C.__dict__
print(type(d).__name__, d["x"], "m" in d, d.get("zz", 5), sorted(k for k in d if not k.startswith("__")))
try:
    d["x"] = 2
except TypeError as e:
    print("TypeError:", e)
C.x = 3
print(C.__dict__["x"], len(C.__dict__) > 2, list(d.keys())[:2])
