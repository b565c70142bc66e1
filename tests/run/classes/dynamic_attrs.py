class Bag:
    pass
b = Bag()
b.x = 1
setattr(b, "y", 2)
print(b.x, getattr(b, "y"), getattr(b, "z", "none"), hasattr(b, "x"), hasattr(b, "z"))
delattr(b, "x")
print(hasattr(b, "x"), vars(b))
try:
    b.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
Bag.cls_attr = "added later"
print(b.cls_attr)
b.__dict__["direct"] = 5
print(b.direct)
