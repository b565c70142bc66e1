# A call site that sees instances of several subclasses (polymorphic dispatch).
def main():
    class Shape:
        def area(self):
            return 0
        def describe(self):
            return type(self).__name__ + ":" + str(self.area())

    class Sq(Shape):
        def __init__(self, s):
            self.s = s
        def area(self):
            return self.s * self.s

    class Circle(Shape):
        def __init__(self, r):
            self.r = r
        def area(self):
            return round(3.14159 * self.r * self.r, 3)

    class Unit(Sq):
        def __init__(self):
            super().__init__(1)

    shapes = []
    for i in range(150):
        shapes.append([Sq(i), Circle(i / 10), Unit(), Shape()][i % 4] if i > 40 else Sq(i))
    total = 0
    for s in shapes:
        total += s.area()
    print(round(total, 3), shapes[42].describe(), shapes[43].describe())


main()
