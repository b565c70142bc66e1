class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, P):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
a, b, c = P(1, 2), P(1, 2), P(2, 1)
print(a == b, a != b, a == c, a is b, a == (1, 2))
s = {a, b, c}
print(len(s), P(1, 2) in s, {a: "v"}[b])
class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
print(NoHash.__hash__ is None, NoHash() == 5)
class Default:
    pass
d1 = Default()
print(d1 == d1, d1 == Default(), hash(d1) == hash(d1))
