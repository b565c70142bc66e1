pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (0, "q")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), max(pairs), min(pairs))
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, -1), () < (0,), (0,) == (0.0,), (1, (2, 3)) < (1, (2, 4)))
print((1, "a") == (1, "a"), (1, 2) != (2, 1), (3,) > (2, 99))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
