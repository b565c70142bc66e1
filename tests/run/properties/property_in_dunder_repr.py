class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h
    @property
    def is_square(self):
        return self.w == self.h
    def __repr__(self):
        return f"Rect({self.w}x{self.h}, area={self.area})"
rs = [Rect(2, 3), Rect(4, 4), Rect(1, 10)]
print(rs, sorted(rs, key=lambda r: r.area), [r.is_square for r in rs])
print(max(rs, key=lambda r: r.area))
