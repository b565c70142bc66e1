# Attribute, method and global sites that specialize and then see their assumptions broken:
# class mutated, instance dict shadowing added later, slots vs dict at one site, more
# receiver types than the polymorphic cache holds, globals and builtins rebound.
class A:
    kind = "A"
    def __init__(self, v):
        self.v = v
    def m(self):
        return ("A.m", self.v)

class B:
    __slots__ = ("v",)
    kind = "B"
    def __init__(self, v):
        self.v = v
    def m(self):
        return ("B.m", self.v)

def read(o):
    return o.v

def call(o):
    return o.m()

def write(o, x):
    o.v = x

def kind(o):
    return o.kind

objs = [A(1), B(2)]
out = []
for i in range(60):
    o = objs[0] if i < 30 else objs[1]
    write(o, i)
    out.append((read(o), call(o), kind(o)))
    if i == 10:
        A.m = lambda self: ("patched", self.v)
    if i == 15:
        objs[0].m = lambda: "instance shadow"
    if i == 20:
        del objs[0].m
    if i == 22:
        A.kind = "A2"
    if i == 25:
        objs[0].kind = "inst"
    if i == 40:
        B.m = lambda self: ("B patched", self.v)
print(out)

# many receiver types at one site
classes = [type("C%d" % k, (), {"v": k, "m": (lambda k: lambda self: k)(k)}) for k in range(7)]
insts = [c() for c in classes]
seen = []
for i in range(140):
    o = insts[i % 7] if i > 20 else insts[0]
    seen.append((read(o), call(o)))
    if i == 100:
        insts[3].v = "own"
print(seen[-14:])

# slots emptied after specialization
b = B(5)
for i in range(20):
    read(b)
del b.v
try:
    read(b)
except AttributeError as e:
    print("AttributeError", e)

# a property added later over a cached instance attribute
class P:
    def __init__(self):
        self.x = 1
p = P()
def px(o):
    return o.x
r = [px(p) for _ in range(20)]
P.x = property(lambda self: "prop")
r.append(px(p))
del P.x
r.append(px(p))
print(r)

# globals rebound and builtins shadowed after specialization
def g():
    return (counter, len("abc"))
counter = 0
gs = []
for i in range(40):
    gs.append(g())
    counter += 1
    if i == 20:
        len = lambda s: -1
    if i == 30:
        del len
print(gs)
import builtins
old_abs = builtins.abs
vals = []
for i in range(30):
    vals.append(abs(-i))
    if i == 15:
        builtins.abs = lambda x: "patched abs"
builtins.abs = old_abs
print(vals)
del counter
try:
    g()
except NameError as e:
    print("NameError", e)

# module attribute rebound
import math
ms = []
for i in range(30):
    ms.append(math.pi if i < 20 else math.e)
    if i == 19:
        math.pi, saved = 3, math.pi
math.pi = saved
print(ms[18:22])

# class attribute and method reads on the class object
class K:
    c = 1
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm():
        return "sm"
ks = []
for i in range(30):
    ks.append((K.c, K.cm(), K.sm()))
    if i == 10:
        K.c = 2
    if i == 20:
        K.sm = staticmethod(lambda: "sm2")
print(ks[9:12], ks[-1])
