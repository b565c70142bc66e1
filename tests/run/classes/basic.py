class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
q = p.moved(1, 1)
print(q.x, q.y, q.norm2())
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 10
print(q.dims, p.dims)
print(type(p).__name__, isinstance(p, Point), Point.__name__, Point.__qualname__, Point.__module__)
print(vars(p), p.__dict__)
