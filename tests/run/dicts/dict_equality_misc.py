print({1: 2} == {1: 2.0}, {1: [1]} == {1: [1]}, {} == dict(), {1: 2} != {2: 1})
print(len({i: i for i in range(1000)}), {0: 0} == {False: 0}, {0.0: "z"}[0])
d = dict(a=1, b=2)
print(list(d.items())[0], next(iter(d)), list(iter(d.values())))
print(repr({"a": {"b": {}}}), str({1: None}), {(1, 2): [3]})
r = {}
r["self"] = r
print(r)
print(dict(sorted({3: "c", 1: "a", 2: "b"}.items())))
