print([], [[]], [None, True, 1.0, "s", b"b", (1,), {}, set()])
print(repr(["a'b", 'c"d', "\n"]), str([1.5, -0.0, float("inf")]))
a = [1, 2]
a.append(a)
print(a, repr(a))
print([[1, [2, [3, [4]]]]])
