# Instance dict shapes change mid-loop: attributes added, deleted, the dict written directly.
class C:
    def __init__(self, a):
        self.a = a
        self.b = a + 1


def total(objs):
    t = 0
    for o in objs:
        t += o.a + o.b
    return t


objs = [C(i) for i in range(30)]
print(total(objs))
objs[3].c = 5          # another shape
print(total(objs))
del objs[4].a          # unshaped dict, then an AttributeError
try:
    print(total(objs))
except AttributeError as e:
    print("AttributeError:", e)
objs[4].a = 7
print(total(objs))
objs[5].__dict__["b"] = 100
print(total(objs))
objs[6].__dict__.clear()
objs[6].b = 1
objs[6].a = 2           # same keys, other order
print(total(objs))


def grow(o, n):
    t = 0
    for i in range(n):
        t += o.a
        if i == 10:
            o.z = 1
        if i == 20:
            del o.z
        if i == 25:
            o.__dict__["a"] = 2.5
    return t


print(grow(C(1), 40))


def store_then_del(o, n):
    for i in range(n):
        o.a = i
        if i == 8:
            del o.b
            o.b = -1
    return o.a, o.b, sorted(vars(o))


print(store_then_del(C(0), 20))
