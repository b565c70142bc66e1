# Calls that leave parameters to their defaults, through every call path of the
# interpreter (plain calls, methods, bound methods, class instantiation, natives calling
# back), with closures, mutable defaults, recursion and argument errors.


def f(a, b=2, c=3):
    return (a, b, c)


print(f(1), f(1, 20), f(1, 20, 30))


def none_missing(a=1, b=2):
    return a + b


print(none_missing(), none_missing(10), none_missing(10, 20))


def acc(x, into=[]):
    into.append(x)
    return len(into)


print(acc(1), acc(2), acc(3))


def outer(k):
    def inner(x, scale=k):
        return x * scale + k

    return inner


g = outer(5)
print(g(2), g(2, 10))


class Point:
    def __init__(self, x, y=0, z=0):
        self.x, self.y, self.z = x, y, z

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy, self.z)

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.z})"


p = Point(1)
print(p, Point(1, 2), Point(1, 2, 3))
print(p.moved(5), p.moved(5, 6))
m = p.moved
print(m(7), m(7, 8))
print(list(map(f, [1, 2])), sorted([3, 1, 2], key=lambda v, w=10: w - v))


def count_down(n, acc=0):
    if n == 0:
        return acc
    return count_down(n - 1, acc + n)


print(count_down(200))


def two(a, b, c=1):
    return a + b + c


for args in [(), (1,), (1, 2, 3, 4)]:
    try:
        print(two(*args))
    except TypeError as e:
        print("TypeError:", e)
try:
    two()
except TypeError as e:
    print("TypeError:", e)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    p.moved()
except TypeError as e:
    print("TypeError:", e)


def uses_default_then_raises(x, y=None):
    return x.missing_attribute


try:
    uses_default_then_raises(1)
except AttributeError as e:
    print("AttributeError:", e)
