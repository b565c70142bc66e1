class C:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
c = C()
print(getattr(c, "inst"), getattr(c, "cls_attr"), getattr(c, "nope", "dflt"), getattr(C, "cls_attr"))
setattr(c, "new", 3)
print(c.new, hasattr(c, "new"), hasattr(c, "zzz"), hasattr(C, "inst"))
delattr(c, "new")
print(hasattr(c, "new"))
print(getattr("abc", "upper")(), getattr([], "__len__")(), getattr(1, "real"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
