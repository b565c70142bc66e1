# STORE_SUBSCR_DICT: d[k] = v on an exact dict, and its misses
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        print("hash", self.n)
        return self.n % 3
    def __eq__(self, other):
        print("eq", self.n, getattr(other, "n", other))
        return isinstance(other, Key) and self.n == other.n
    def __repr__(self):
        return "Key(%d)" % self.n

class D(dict):
    def __setitem__(self, k, v):
        print("D.__setitem__", k, v)
        super().__setitem__(k, v * 10)

class S(str):
    def __hash__(self):
        return hash(str(self))
    def __eq__(self, other):
        print("S.__eq__", str(self), other)
        return str.__eq__(self, other)

def fill(d, keys):
    for i, k in enumerate(keys):
        d[k] = i
    return d

words = ["a", "b", "a", 1, 1.0, True, (1, 2), (1, 2), "b"]
for _ in range(3):
    print(fill({}, words))
print(fill({}, [Key(1), Key(4), Key(1), Key(2)]))
print(fill(D(), ["x", "y", "x"]))
print(fill({}, [S("p"), "p", S("q"), "q"]))
print(fill([0, 0, 0], [0, 2, -1]))
for bad in ([1], {}, {1}):
    try:
        fill({}, ["ok", bad])
    except TypeError as e:
        print("TypeError:", e)
try:
    fill((1, 2), [0])
except TypeError as e:
    print("TypeError:", e)
counts = {}
for w in "the cat the dog the end".split():
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts, list(counts))
