import math
out = []
def f(i):
    return len([i]) + abs(-i)
for i in range(20):
    out.append(f(i))
    if i == 5:
        len = lambda x: 100
    if i == 10:
        del len
    if i == 12:
        math.floor = lambda x: -1
    out.append(math.floor(2.5))
print(out)
class C:
    def m(self): return "class"
    x = 1
c = C()
r = []
for i in range(20):
    r.append((c.m(), c.x))
    if i == 4: c.m = lambda: "inst"
    if i == 8: del c.m
    if i == 10: c.x = 5
    if i == 12: C.x = property(lambda self: "prop")
    if i == 15: del C.x
print(r)
class G:
    def __getattr__(self, n): return "ga:" + n
g = G()
print([g.foo for _ in range(12)])
g.foo = 3
print([g.foo for _ in range(3)])
class D(dict):
    pass
d = D(); d.attr = 1
print([d.attr for _ in range(10)], [d.get("k") for _ in range(10)])
class Base:
    def who(self): return "base"
class K(Base): pass
k = K()
w = []
for i in range(20):
    w.append(k.who())
    if i == 9: Base.who = lambda self: "patched"
print(w)
def gl():
    return counter
counter = 0
res = []
for i in range(20):
    counter = i
    res.append(gl())
    if i == 15: globals()['counter2'] = 1
print(res)
class S:
    __slots__ = ('a',)
s = S()
try:
    for i in range(12):
        if i == 11: del s.a
        else: s.a = i
        print(s.a, end=" ")
except AttributeError as e:
    print("\nAE", e)
