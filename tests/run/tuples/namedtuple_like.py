def make_point(x, y):
    return (x, y)
points = [make_point(1, 2), make_point(-1, 5), make_point(0, 0)]
for x, y in points:
    print(f"({x}, {y})")
print(sorted(points), max(points, key=lambda p: p[1]), min(points))
print([p[0] for p in points], tuple(p for p in points if p[0] >= 0))
xs, ys = zip(*points)
print(xs, ys)
print(tuple(map(sum, points)))
