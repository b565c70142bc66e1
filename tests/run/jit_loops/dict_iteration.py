# Iterating a dict's keys, values and items; mutating it during iteration raises.
d = {}
for i in range(150):
    d["k%d" % (i % 60)] = d.get("k%d" % (i % 60), 0) + i
tot = 0
for k in d:
    tot += len(k)
print(tot, sum(d.values()))
best = None
for k, v in d.items():
    if best is None or v > best[1]:
        best = (k, v)
print(best, list(d)[:4])
try:
    for k in d:
        if k == "k30":
            d["new"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
e = {i: i * i for i in range(120)}
for k in list(e):
    if k % 2:
        del e[k]
print(len(e), list(e.items())[-3:])
