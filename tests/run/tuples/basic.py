t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1], t + (4,), t * 2, 2 in t)
print((), (1,), (1), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
print(t.index(2), t.count(1), (1, 1, 2).count(1), max(t), sum(t))
a, b, c = t
print(a, b, c)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "a") == (1, "a"))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
x = 1, 2
print(x, type(x).__name__)
