class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Num({self.v})"
    def __add__(self, o):
        print("__add__")
        if isinstance(o, Num):
            return Num(self.v + o.v)
        if isinstance(o, int):
            return Num(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print("__radd__")
        return Num(o + self.v)
    def __rsub__(self, o):
        return Num(o - self.v)
    def __rtruediv__(self, o):
        return Num(o / self.v)
    def __rpow__(self, o):
        return Num(o ** self.v)
print(Num(1) + Num(2), Num(1) + 5, 5 + Num(1), 10 - Num(3), 1 / Num(4), 2 ** Num(10))
print(sum([Num(1), Num(2)]))
try:
    Num(1) + "s"
except TypeError as e:
    print("TypeError:", e)
class Sub(Num):
    def __radd__(self, o):
        print("Sub.__radd__ first")
        return Num(-1)
print(Num(1) + Sub(2))
