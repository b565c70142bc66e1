# LOAD_FAST__LOAD_ATTR / LOAD_FAST__LOAD_METHOD: `local.name` hits of the specialized
# forms next, and every way out of them (other types, shadowing, class changes, errors).
class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
class Q(P):
    kind = "q"
class S:
    __slots__ = ("x",)
    def __init__(self, x):
        self.x = x
    def get(self):
        return -self.x
class G:
    def __getattr__(self, name):
        return "dyn:" + name
    def get(self):
        return "g"
def attr(o):
    return o.x
def meth(o):
    return o.get()
def klass(c):
    return c.kind
objs = [P(1), Q(2), S(3)]
for i in range(40):
    o = objs[i % 3] if i > 20 else objs[0]
    r = (attr(o), meth(o))
    if i % 7 == 0:
        print(i, r)
print(attr(G()), meth(G()), [s.upper() for s in ("a", "b")])
p = P(5)
p.get = lambda: "shadowed"
print(meth(p), attr(p))
made = P(6), Q(7), S(8)
P.x = property(lambda self: "prop")
print([attr(o) for o in made])
del P.x
P.get = lambda self: "replaced"
print(meth(P(9)), meth(Q(10)), meth(S(11)))
for i in range(20):
    klass(Q)
Q.kind = "changed"
print(klass(Q))
try:
    klass(P)
except AttributeError as e:
    print("AttributeError:", e)
def unbound(flag):
    if flag:
        v = P(1)
    return v.x
print(unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
q = Q(3)
del q.x
print(attr(q))
