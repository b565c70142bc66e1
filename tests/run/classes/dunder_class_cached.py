# `obj.__class__` read by a specialized LOAD_ATTR (the receiver's class), with the
# cases that must not take it: a class defining `__class__` (property, plain value),
# an instance dict entry named `__class__` (object's descriptor still wins), non-instances.


class A:
    LEVEL = 1

    def level(self):
        return self.__class__.LEVEL


class B(A):
    LEVEL = 2


class WithProp:
    @property
    def __class__(self):
        return "fake class"


class WithValue:
    __class__ = 42


def cls_of(o):
    return o.__class__


def names(objs):
    out = []
    for o in objs:
        c = cls_of(o)
        out.append(getattr(c, "__name__", c))
    return out


a, b = A(), B()
print([x.level() for x in [a, b, a, b] * 5][:4])
for _ in range(20):
    r = names([a, b])
print(r)
print(names([WithProp(), WithValue(), [1], None, 3, len, A, {}]))

d = A()
d.__dict__["__class__"] = "shadow"
for _ in range(20):
    r = cls_of(d)
print(r, d.__dict__)

for o in [B(), WithProp(), B(), WithValue()] * 5:
    r = cls_of(o)
print(r)

try:
    for _ in range(20):
        cls_of(a).missing
except AttributeError as exc:
    print("AttributeError:", exc)
