# set(genexpr): plain hashables go straight into the set; equal keys across types
# (1, 1.0, True) keep the first stored key; anything else falls back to the generic add.
cols = range(8)
vec = (0, 4, 7, 5, 2, 6, 1, 3)
print(len(set(vec[i] + i for i in cols)), len(set(vec[i] - i for i in cols)))
print(sorted(set(x % 3 for x in range(20))))
print(set(v for v in [1, 1.0, True, 2, 2.0]))
print(set(v for v in [1.0, 1, True]))
print(set(v for v in [None, None, 0, False, 0.0]))
print(sorted(set(v for v in [3, -1, 2 ** 40, -(2 ** 40), 3])))

class K:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return hash(self.n)
    def __eq__(self, other):
        print("eq", self.n, other)
        return self.n == other
    def __repr__(self):
        return "K(%d)" % self.n

s = set(v for v in [1, 2, K(2), 3, K(5), 5])
print(sorted(s, key=repr))

def gen():
    yield 1
    yield 2
    raise ValueError("boom")

try:
    set(gen())
except ValueError as e:
    print("ValueError", e)
try:
    set(x for x in [1, [2]])
except TypeError as e:
    print("TypeError", e)
