print(True + 1, True * 2, True // 1, True / 2, True ** 10, -True)
print(True << 3, True & 1, True | 2, ~True)
print(sum([True] * 10), [1, 2, 3][True], "ab"[False])
print(int(True), hash(True) == hash(1), {1: "one"}[True])
d = {True: "a", 1: "b", 1.0: "c"}
print(d)
print(isinstance(True, int), type(True + True).__name__, bool(2), bool(-1))
print(True == 1.0, False == 0.0, True is (1 == 1))
print(max(True, 0.5), abs(-True), round(True))
