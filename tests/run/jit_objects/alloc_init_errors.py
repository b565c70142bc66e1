# Instances made in loop traces when things go wrong: __init__ raising (caught inside
# and outside the loop), returning a value, a class changed mid-loop (a new __init__,
# a __setattr__, a property), and an uncaught error with its traceback.


class P:
    def __init__(self, a, b):
        self.a = a
        self.q = 10 // b
        self.b = b


def caught_inside(n):
    got = []
    for i in range(n):
        try:
            p = P(i, i % 7)
            got.append(p.q)
        except ZeroDivisionError:
            got.append(-1)
    return got[-10:]


def changed(n):
    out = []
    for i in range(n):
        if i == n // 2:
            def init(self, a, b):
                self.a = -a
                self.b = b
                self.q = 0
            P.__init__ = init
        if i == 3 * n // 4:
            P.q = property(lambda self: 99, lambda self, v: None)
        p = P(i, 1)
        out.append((p.a, p.q))
    return out[::40]


class R:
    def __init__(self, x):
        self.x = x
        if x > 250:
            return x


def returns(n):
    c = 0
    try:
        for i in range(n):
            R(i)
            c += 1
    except TypeError as e:
        print("TypeError:", e, c)


class S:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)

    def __init__(self, v):
        self.v = v


print(caught_inside(400))
print(changed(400))
returns(400)
print(sum(S(i).v for i in range(300)))


class Q:
    def __init__(self, n):
        self.inv = 1 / (n - 333)


qs = [Q(i) for i in range(500)]
