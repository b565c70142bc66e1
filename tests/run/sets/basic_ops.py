s = {3, 1, 4, 1, 5, 9, 2, 6}
print(s, len(s), 4 in s, 7 not in s)
s.add(7)
s.discard(1)
s.discard(100)
s.remove(9)
print(s)
print(sorted(s), min(s), max(s), sum(s))
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, {10}), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.issubset(range(10)), a.issuperset([1, 2]))
print(a.isdisjoint({7, 8}), a.isdisjoint(b), set(), set([3, 2, 1]), set("aaa"), set(range(5)))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
