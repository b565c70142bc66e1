# The LOAD_ATTR_WITH_HINT / LOAD_METHOD_WITH_VALUES sites after specialization: a
# deleted attribute, a class that changes, another class, __getattr__, shadowing.
class P:
    def __init__(self, x):
        self.x = x
        self.y = x * 2
    def m(self):
        return self.x + 1

class Q:
    __slots__ = ("x",)
    def __init__(self, x):
        self.x = x
    def m(self):
        return -self.x

class G(P):
    def __getattr__(self, name):
        return "getattr:" + name

def read_x(o):
    return o.x

def call_m(o):
    return o.m()

def run(objs):
    out = []
    for o in objs:
        try:
            out.append(read_x(o))
        except AttributeError as e:
            out.append("AttributeError: " + str(e))
        try:
            out.append(call_m(o))
        except (AttributeError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out

ps = [P(i) for i in range(20)]
print(run(ps)[-4:])
del ps[3].x
print(run(ps[:5]))
g = G(5)
del g.x
print(run([P(1), g, Q(7), P(2), 42]))
ps[0].m = lambda: "shadowed"
print(run(ps[:2]))
P.x = property(lambda self: "prop", lambda self, v: None)
print(run([P(9), G(3)]))
del P.x
P.m = lambda self: "replaced"
print(run([P(4), P(6)]))
def ret_str():
    return "plain"
P.m = staticmethod(ret_str)
print(run([P(8)]))
