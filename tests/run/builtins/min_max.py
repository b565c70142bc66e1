print(max(3, 1, 2), min(3, 1, 2), max([4, 9, 2]), min("hello"), max("abc", "abd"))
print(max([], default="empty"), min([], default=None), max([5], default=0))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len))
print(max([1, -5, 3], key=abs), min([(1, "b"), (1, "a")]), max({1: "a", 2: "b"}))
print(max([1, 3, 3, 2], key=lambda x: x // 2), min([2, 4, 3], key=lambda x: x % 2))
print(max(1, 2.5), min(-1, -1.0), max(True, 1), max(1, True))
for call in [lambda: max([]), lambda: min(), lambda: max(1), lambda: max(1, "a"), lambda: max(1, 2, default=0)]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
