def init(self, v):
    self.v = v
Dyn = type("Dyn", (object,), {"init_val": 0, "__init__": init, "double": lambda self: self.v * 2})
d = Dyn(21)
print(Dyn.__name__, d.double(), d.init_val, type(d) is Dyn, isinstance(d, Dyn))
Sub = type("Sub", (Dyn,), {"triple": lambda self: self.v * 3})
s = Sub(2)
print(s.double(), s.triple(), Sub.__mro__ == (Sub, Dyn, object), Sub.__bases__[0].__name__)
print(type(5), type("x"), type(type), type(Dyn), type(None).__name__)
