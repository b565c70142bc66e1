s = {1, 2, 3}
s.update([4, 5], {6})
print(s)
s.intersection_update({1, 2, 3, 4, 10})
print(s)
s.difference_update([1])
print(s)
s.symmetric_difference_update({4, 5})
print(s)
s |= {9}
s &= {2, 3, 9, 5}
s -= {3}
s ^= {100}
print(s)
t = s.copy()
t.add(-1)
print(s, t, s.pop() in {2, 5, 9, 100}, len(s))
t.clear()
print(t, t == set())
