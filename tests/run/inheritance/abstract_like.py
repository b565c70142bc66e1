class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must define area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
for sh in [Square(2), Circle(1)]:
    print(sh.describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print("registered subclass", cls.__name__)
    def run(self):
        raise NotImplementedError
class Impl(Base):
    def run(self):
        return "ran"
print(Impl().run())
try:
    Base().run()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
