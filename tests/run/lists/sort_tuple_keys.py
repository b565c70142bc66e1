# list.sort of tuples and strs: native comparisons and the cases left to Python
class S(str):
    def __lt__(self, other):
        print("S.__lt__", str(self), str(other))
        return len(self) < len(other)

class N:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("N.__eq__", self.v)
        return isinstance(other, N) and self.v == other.v
    def __lt__(self, other):
        print("N.__lt__", self.v, other.v)
        return self.v < other.v
    def __repr__(self):
        return "N(%r)" % self.v

print(sorted([S("bbb"), S("a"), S("cc")]))
print(sorted(["bbb", S("a"), "cc"]))
pairs = [(-3, "the"), (-1, "fox"), (-3, "a"), (-2, "dog"), (-1, "cat"), (-3, "the")]
print(sorted(pairs))
print(sorted([(1,), (1, 0), (), (0, 5), (1, -1)]))
print(sorted([(1, 2.5), (1, 2), (1.0, 1), (True, 0), (0, "x")]))
print(sorted([(1, N(2)), (1, N(1)), (0, N(9))]))
print(sorted([(N(1), 2), (N(1), 1)]))
print(sorted([((1, 2), "b"), ((1, 1), "a"), ((1, 2), "a")]))
print(sorted([(float("nan"), 1), (1.0, 2), (0.5, 3)]))
print(sorted([("\udc80", 1), ("\U0001f600", 2), ("\uffff", 3), ("z", 4)]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, 2), [1, 2]])
except TypeError as e:
    print("TypeError:", e)
class T(tuple):
    def __lt__(self, other):
        print("T.__lt__")
        return tuple.__lt__(self, other)
print(sorted([T((2, 1)), T((1, 1))]))
print(sorted([(2, "b"), (2, "a")], reverse=True))
