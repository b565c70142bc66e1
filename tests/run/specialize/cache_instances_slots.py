class V:
    def __init__(self, x, y):
        self.x = x; self.y = y
class W(V):
    pass
class R:
    def __init__(self):
        return 3
class Sl:
    __slots__ = ('a', 'b')
    def __init__(self, a): self.a = a
out = []
for i in range(15):
    v = V(i, 2)
    out.append((v.x, v.y, type(v).__name__))
    s = Sl(i); out.append(s.a)
    if i == 7:
        V.__init__ = lambda self, x, y: setattr(self, 'x', -x) or setattr(self, 'y', 0)
    if i == 10:
        V.__new__ = lambda cls, *a: object.__new__(W)
print(out)
for i in range(3):
    try:
        R()
    except TypeError as e:
        print(e)
for i in range(12):
    try:
        V(1)
    except TypeError as e:
        print(i, e)
        break
