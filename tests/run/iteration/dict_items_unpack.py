# `for k, v in d.items()`: order, mutation errors, early exit and resumption, subclasses.
d = {"a": 1, "b": 2, "c": 3}
for k, v in d.items():
    print(k, v)
del d["b"]
d["z"] = 26
for k, v in d.items():
    print(k, v)
for k, v in {}.items():
    print("never")
try:
    for k, v in d.items():
        d["new" + k] = v
except RuntimeError as exc:
    print("RuntimeError:", exc)
print(sorted(d))
it = iter({1: "x", 2: "y", 3: "z"}.items())
for k, v in it:
    if k == 2:
        break
print(next(it))
print(list(it))


class D(dict):
    def items(self):
        return [("over", "ridden")]


for k, v in D(q=1).items():
    print(k, v)
for k, (a, b) in {"p": (1, 2)}.items():
    print(k, a, b)
try:
    for k, v, w in {"x": 1}.items():
        pass
except ValueError as exc:
    print("ValueError:", exc)
e = {1: 1, 2: 4}
for k, v in e.items():
    e[k] = v * 10
print(e)
