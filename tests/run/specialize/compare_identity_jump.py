# `==`/`!=` of objects whose classes keep object's __eq__/__ne__ (COMPARE_OP_IDENTITY_JUMP),
# and its miss paths: None on one side, __eq__ added to the class later, other types
# arriving at the same instruction.
class Node:
    pass

class Sub(Node):
    pass

def count_same(xs, target):
    n = 0
    for x in xs:
        if x == target:
            n += 1
        if x != target:
            n += 10
    return n

a, b, c = Node(), Node(), Sub()
items = [a, b, c, None, a] * 4
print(count_same(items, a), count_same(items, None), count_same(items, c))
# both None (no class defined in Python): not identity by this rule, still correct
print(count_same([None, None], None))
# the class gains __eq__: the cached facts are stale, the miss path calls it
Node.__eq__ = lambda self, other: True
print(count_same(items, a), count_same(items, None))
del Node.__eq__
print(count_same(items, a))
# __ne__ only on a subclass
Sub.__ne__ = lambda self, other: False
print(count_same(items, c), count_same([c, c, a], a))
# ints, strs and floats at the same instruction
print(count_same([1, 2, 1, 3], 1), count_same(["x", "y", "x"], "x"), count_same([1.5, 2.0], 2.0))
print(count_same([a, 1, "s", None, 2.0, b], 1))

class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq", self.v)
        return isinstance(other, Eq) and other.v == self.v

print(count_same([Eq(1), Eq(2), Eq(1)], Eq(1)))
for i in range(12):
    t = a if i < 6 else Eq(i)
    if t == b:
        print("same", i)
    elif t != a:
        print("other", i)
