"""Module imported by import_local.py: a few classes with inheritance."""


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0


class Rect(Shape):
    def __init__(self, w, h):
        Shape.__init__(self, "rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        Rect.__init__(self, side, side)
        self.name = "square"


class Triangle(Shape):
    def __init__(self, base, height):
        Shape.__init__(self, "triangle")
        self.base = base
        self.height = height

    def area(self):
        return self.base * self.height // 2


def sample_shapes():
    return [Rect(3, 4), Square(5), Triangle(6, 7), Rect(1, 9)]


def total_area(shapes):
    total = 0
    for s in shapes:
        total += s.area()
    return total
