# Class calls with a Python __init__ (run in the caller's dispatch loop once the call site
# is specialized): results, errors, tracebacks, recursion, odd __init__ kinds.
import sys


def tb_names(e):
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return names


class P:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y


class Q:
    def __init__(self, a, b):
        self.s = a + b


def make(n):
    out = []
    for i in range(n):
        out.append(P(i))
        out.append(Q(i, 1))
    return out


objs = make(20)
print(len(objs), objs[-2].x, objs[-2].y, objs[-1].s)


class Bad:
    def __init__(self, v):
        self.v = v
        if v > 5:
            return v


for i in range(8):
    try:
        b = Bad(i)
        print("ok", b.v)
    except TypeError as e:
        print("TypeError:", e)
        print(tb_names(e))


class Boom:
    def __init__(self, k):
        if k == 3:
            raise ValueError("k is %d" % k)
        self.k = k


def build(k):
    return Boom(k)


for k in range(5):
    try:
        print("built", build(k).k)
    except ValueError as e:
        print("caught", e, tb_names(e))

# the exception being handled is restored after an __init__ frame
try:
    raise KeyError("outer")
except KeyError:
    for k in range(3):
        Boom(k)
    print("handled:", repr(sys.exc_info()[1]))


class Node:
    def __init__(self, depth):
        self.child = Node(depth + 1) if depth < 50 else None


n = Node(0)
d = 0
while n is not None:
    d += 1
    n = n.child
print("depth", d)


class Deep:
    def __init__(self):
        self.child = Deep()


try:
    Deep()
except RecursionError as e:
    print("RecursionError:", e)


def gen_init_class():
    class G:
        def __init__(self):
            yield 1

    return G


G = gen_init_class()
for i in range(3):
    try:
        G()
    except TypeError as e:
        print("TypeError:", e)


class R:
    def __init__(self, v):
        self.v = v


def use_r(i):
    return R(i).v


print([use_r(i) for i in range(5)])


def new_init(self, v):
    self.v = v * 100


R.__init__ = new_init
print([use_r(i) for i in range(5)])


def ret_init(self, v):
    return "no"


R.__init__ = ret_init
try:
    use_r(1)
except TypeError as e:
    print("TypeError:", e)


class KW:
    def __init__(self, a, *rest, k=5, **kw):
        self.t = (a, rest, k, sorted(kw))


for i in range(3):
    print(KW(i).t, KW(i, 1, 2).t)


class Cell:
    def __init__(self, v):
        self.get = lambda: v


print([Cell(i).get() for i in range(4)])


class Missing:
    def __init__(self, a, b):
        pass


for i in range(3):
    try:
        Missing(i)
    except TypeError as e:
        print("TypeError:", e)
