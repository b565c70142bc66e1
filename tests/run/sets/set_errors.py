s = {1, 2}
for f in [lambda: s.remove(3), lambda: set().pop(), lambda: s | [3], lambda: s < [1], lambda: {1} + {2}]:
    try:
        print(f())
    except (KeyError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(s.union([3]), s == [1, 2], {1} in [{1}])
