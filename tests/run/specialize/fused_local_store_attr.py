# LOAD_FAST__STORE_ATTR: `local.name = value` hits of the STORE_ATTR forms next, and
# every way out of them (other types, new attributes, __setattr__, setters, slots).
class P:
    def __init__(self, x):
        self.x = x
class Q(P):
    pass
class S:
    __slots__ = ("x",)
def put(o, v):
    o.x = v
    return o.x
def grow(o):
    o.a = 1
    o.b = 2
    return sorted(vars(o))
objs = [P(0), Q(0), S()]
for i in range(40):
    o = objs[i % 3] if i > 20 else objs[0]
    r = put(o, i)
    if i % 9 == 0:
        print(i, type(o).__name__, r)
print([grow(P(i)) for i in range(3)], grow(Q(1)))
h = P(1)
print(put(h, [1]), put(h, "two"), put(h, None), h.x)
def setattr_hook(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value * 10)
P.__setattr__ = setattr_hook
print(put(P(2), 4), put(Q(3), 5))
del P.__setattr__
P.x = property(lambda self: "get", lambda self, v: print("setter", v))
print(put(P(9), 6), put(S(), 7))
del P.x
try:
    put(3, 1)
except AttributeError as e:
    print("AttributeError:", e)
def unbound(flag, v):
    if flag:
        o = Q(0)
    o.x = v
    return o.x
print(unbound(True, 8))
try:
    unbound(False, 9)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
class F:
    __slots__ = ("y",)
put(F(), 10)
