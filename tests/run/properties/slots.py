class Pt:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Pt(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), Pt.__slots__)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    Pt.__new__(Pt).x
except AttributeError as e:
    print("AttributeError:", e)
class Pt3(Pt):
    __slots__ = ("z",)
q = Pt3(1, 2)
q.z = 3
print(q.x, q.y, q.z)
class Open(Pt):
    pass
o = Open(1, 2)
o.extra = "ok"
print(o.extra, vars(o))
