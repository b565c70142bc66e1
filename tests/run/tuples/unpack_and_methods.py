point = (3, 4)
x, y = point
print(x, y, point.count(3), point.index(4), len(point), point[::-1])
t = tuple(range(10))
print(t[2:8:2], t[-3:], t[:0], sum(t), min(t), max(t), sorted(t, reverse=True)[:3])
print(t.index(5, 3), t.index(9, -2))
try:
    t.index(5, 6)
except ValueError as e:
    print("ValueError:", e)
singleton = ("only",)
print(singleton, len(singleton), type(("only")).__name__)
