# `x in d` / `x not in d` for dicts: the exact-dict path and its neighbours
class K:
    def __init__(self, n, d=None):
        self.n = n
        self.d = d
    def __hash__(self):
        return 7
    def __eq__(self, other):
        print("K.__eq__", self.n, getattr(other, "n", other))
        if self.d is not None:
            self.d.clear()
        return isinstance(other, K) and self.n == other.n

class S(str):
    def __hash__(self):
        return hash(str(self))
    def __eq__(self, other):
        print("S.__eq__", str(self), other)
        return str.__eq__(self, other)

class D(dict):
    def __contains__(self, k):
        print("D.__contains__", k)
        return True

def probe(d, keys):
    return [(k in d, k not in d) for k in keys]

d = {"a": 1, 1: "x", (1, 2): 3, 2.5: None, K(1): 0}
for _ in range(3):
    print(probe(d, ["a", "b", 1, 1.0, True, (1, 2), 2.5, K(1), K(2), S("a")]))
print(probe({S("s"): 1}, ["s", S("s"), "t"]))
print(probe(D(a=1), ["a", "zz"]))
class C:
    x = 1
print(probe(C.__dict__, ["x", "nope"]))
print(probe({"a": 1}.keys(), ["a", "b"]))
e = {}
e[K(1, e)] = 1
print(K(1) in e, len(e))
for bad in ([], {}, {1}):
    try:
        bad in {"a": 1}
    except TypeError as ex:
        print("TypeError:", ex)
class Boom:
    def __hash__(self):
        raise ValueError("no hash")
try:
    Boom() in {}
except ValueError as ex:
    print("ValueError:", ex)
