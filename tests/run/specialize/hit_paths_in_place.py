# The hit paths that write their result into the operand stack in place (LOAD_ATTR pushing
# the attribute from its cached place, LOAD_METHOD writing the function into the receiver's
# slot, POP_JUMP_IF_FALSE/TRUE reading a bool/None/int condition before popping it, FOR_ITER
# over a range pushing each int whole, CALL popping the moved arguments), each warmed up and
# then driven off its cached case: class mutated after specialization, attribute deleted,
# method replaced on the instance and on the class, __init__ rebound, argument count
# mismatch, keyword calls, conditions that raise.


class Point:
    kind = "point"
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Box:
    label = "box"

    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def scaled(self, k, extra=0):
        return Box(self.w * k + extra, self.h * k + extra)


def attrs(objs):
    total = 0
    for o in objs:
        total += o.w + o.h
    return total


def labels(objs):
    return [o.label for o in objs]


def areas(objs):
    return [o.area() for o in objs]


boxes = [Box(i, i + 1) for i in range(20)]
print(attrs(boxes), labels(boxes)[:2], sum(areas(boxes)))

# the instance dict shadows the class attribute and the method
b = boxes[3]
b.label = "shadowed"
b.area = lambda: -1
print(labels(boxes)[:5], areas(boxes)[:5])
del b.area
del b.label
print(labels(boxes)[:5], areas(boxes)[:5])

# the class is mutated after specialization
Box.label = "crate"
Box.area = lambda self: self.w + self.h
print(labels(boxes)[:3], areas(boxes)[:3])

# an attribute deleted: the cached position no longer holds it
del boxes[5].h
try:
    attrs(boxes)
except AttributeError as e:
    print("AttributeError:", e)
boxes[5].h = 100
print(attrs(boxes))

# attributes stored in another order (another shape), then a property on the class
odd = Box(1, 2)
odd.__dict__.clear()
odd.h = 7
odd.w = 3
print(attrs(boxes + [odd]))
Box.w = property(lambda self: 1000)
print(attrs(boxes[:2]))
del Box.w
print(attrs(boxes[:2]))

# __slots__ attributes read through the slot cache; a slot left unset
pts = [Point(i, -i) for i in range(12)]
print(sum(p.x - p.y for p in pts), sum(p.norm1() for p in pts), pts[0].kind)
q = Point.__new__(Point)
try:
    print(q.norm1())
except AttributeError as e:
    print("AttributeError:", e)

# __init__ rebound on the class, then a keyword call and wrong argument counts
for i in range(10):
    s = boxes[i].scaled(2)
print(s.w, s.h)


def init2(self, w, h):
    self.w = -w
    self.h = -h


Box.__init__ = init2
for i in range(10):
    s = boxes[i].scaled(2, extra=1)
print(s.w, s.h)
try:
    boxes[0].scaled()
except TypeError as e:
    print("TypeError:", e)
try:
    boxes[0].scaled(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    Box(1)
except TypeError as e:
    print("TypeError:", e)


# conditions: bool, None, int, float, big int, objects with __bool__ / __len__, and one that
# raises inside a handler
class Truth:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        if self.v is None:
            raise ValueError("no truth")
        return self.v


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


conds = [True, False, None, 0, 1, -3, 0.0, 2.5, 10**30, 0 * 10**30, "", "a", [], [0], Truth(True), Truth(False), Sized(0), Sized(2)]
for rnd in range(3):
    seen = []
    for c in conds:
        if c:
            seen.append(1)
        else:
            seen.append(0)
        if not c:
            seen.append(2)
    print(seen)
try:
    for c in [True, 1, Truth(None)]:
        if c:
            pass
except ValueError as e:
    print("ValueError:", e)


def while_count(n):
    k = 0
    while n:
        n -= 1
        k += 1
    return k


print(while_count(25), while_count(0))

# ranges: negative steps, large bounds, empty, nested
print(sum(range(10, -10, -3)), list(range(2**62, 2**62 + 3)), list(range(5, 5)))
acc = 0
for i in range(40):
    for j in range(i, 0, -7):
        acc += i * j
print(acc)


# calls whose arguments move into the callee's frame; recursion through methods
def add3(a, b, c):
    return a + b + c


def walk(n):
    if n == 0:
        return 0
    return add3(n, walk(n - 1), 0)


print(walk(50), add3(*[1, 2, 3]), add3(1, c=3, b=2))
try:
    add3(1, 2)
except TypeError as e:
    print("TypeError:", e)
