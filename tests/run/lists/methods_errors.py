a = [1, 2, 3]
for f in [lambda: a.index(9), lambda: a.remove(9), lambda: [].pop(), lambda: a.pop(10), lambda: a[5],
          lambda: a.__setitem__(5, 0), lambda: a["x"], lambda: a.index(1, 1)]:
    try:
        f()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
