cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.0 % 0.0,
    lambda: divmod(1, 0),
    lambda: divmod(1.0, 0.0),
    lambda: 10**30 // 0,
    lambda: 0 / 0,
]
for c in cases:
    try:
        print(c())
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
