# Attribute loads and stores of dict and slot classes in loop traces.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class S:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def sum_attrs(objs):
    t = 0
    for o in objs:
        t += o.x * 2 + o.y
    return t


def bump(o, n):
    for i in range(n):
        o.x = o.x + i
        o.y = o.y * 0.5 + 1.0
    return o.x, o.y


def flag_loop(o, n):
    c = 0
    for i in range(n):
        o.x = i % 3 == 0
        if o.x:
            c += 1
        o.y = None
    return c, o.x, o.y


ps = [P(i, i + 1) for i in range(50)]
ss = [S(i, i + 1) for i in range(50)]
print(sum_attrs(ps), sum_attrs(ss))
print(sum_attrs(ps + ss))
print(bump(P(1, 2.0), 100))
print(bump(S(1, 2.0), 100))
print(flag_loop(P(0, 0), 30), flag_loop(S(0, 0), 30))
# an unbound slot raises in the loop
s = S(1, 2)
try:
    for i in range(5):
        t = s.x + s.z
except AttributeError as e:
    print("AttributeError", e)
