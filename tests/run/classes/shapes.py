# Instance attributes under the shape-keyed attribute caches: every access pattern runs
# often enough (in loops, in functions) for the caches to specialize, then the instances
# change behind the caches' backs.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def build(n):
    return [P(i, -i) for i in range(n)]


def total(ps):
    s = 0
    for p in ps:
        s += p.x + p.y + p.norm1()
    return s


ps = build(50)
print("total", total(ps))
print("vars", vars(ps[3]), list(ps[3].__dict__))

# shape transitions: same class, different attribute orders
class Q:
    pass


def make_q(order, i):
    q = Q()
    for name in order:
        setattr(q, name, i)
    return q


qs = [make_q("abc" if i % 3 == 0 else "cab" if i % 3 == 1 else "bca", i) for i in range(30)]


def read_abc(objs):
    return [(o.a, o.b, o.c) for o in objs]


print(read_abc(qs)[:4])
print([list(vars(o)) for o in qs[:3]])

# deletion then re-add: the attribute moves to the end
for _ in range(20):
    p = P(1, 2)
    del p.x
    try:
        p.x
    except AttributeError as e:
        print_err = str(e)
    p.x = 3
print(print_err, vars(p), p.norm1())

# __dict__ mutation after specialization
def read_x(objs):
    return [o.x for o in objs]


ps = build(10)
print(read_x(ps))
ps[4].__dict__["x"] = "via dict"
del ps[5].__dict__["x"]
ps[5].__dict__["x"] = "re-added"
ps[6].__dict__.clear()
ps[6].__dict__["x"] = "after clear"
ps[7].__dict__.update({"z": 1, "x": "updated"})
ps[8].__dict__.pop("y")
print(read_x(ps))
print([list(vars(p)) for p in ps[4:9]])

# vars() writes, and shadowing a method through the instance dict
ps = build(8)


def call_norm(objs):
    return [o.norm1() for o in objs]


print(call_norm(ps))
vars(ps[2])["norm1"] = lambda: "shadowed"
ps[3].norm1 = lambda: "shadowed too"
print(call_norm(ps))
del ps[3].norm1
print(call_norm(ps))

# stores: add then replace, many instances built by the same __init__
class Counter:
    def __init__(self):
        self.n = 0
        self.hist = []

    def bump(self, k):
        self.n += k
        self.hist.append(k)


cs = [Counter() for _ in range(20)]
for i, c in enumerate(cs):
    for k in range(i % 4):
        c.bump(k)
print([c.n for c in cs], cs[7].hist, vars(cs[3]))

# an __init__ that adds attributes conditionally
class Opt:
    def __init__(self, i):
        if i % 2:
            self.odd = True
        self.i = i
        if i % 3 == 0:
            self.three = i // 3


os_ = [Opt(i) for i in range(24)]
print([list(vars(o)) for o in os_[:6]])
print([o.i for o in os_][:10], [getattr(o, "three", None) for o in os_][:10])

# many attributes (> 30)
class Big:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i * i)


bigs = [Big(40) for _ in range(12)]


def read_big(objs):
    return [o.a0 + o.a17 + o.a31 + o.a39 for o in objs]


print(read_big(bigs)[:3], len(vars(bigs[0])), list(vars(bigs[0]))[-3:])
for i in range(12):
    bigs[i].a31 = -i
print(read_big(bigs))

# non-str keys and str subclasses in the instance dict
class S(str):
    pass


for i in range(12):
    p = P(i, i)
    p.__dict__[S("w")] = "sub"
    p.__dict__[1] = "int key"
    p.z = i
print(p.w, p.z, p.x, list(vars(p)))

# __slots__ together with __dict__
class SD:
    __slots__ = ("s", "__dict__")

    def __init__(self, i):
        self.s = i
        self.d = -i


sds = [SD(i) for i in range(15)]
print([(o.s, o.d) for o in sds][:5], vars(sds[2]))
for o in sds:
    o.s += 100
    o.d -= 100
print([(o.s, o.d) for o in sds][:5], vars(sds[2]))

# a data descriptor added to the class after the caches specialized
def read_y(objs):
    return [o.y for o in objs]


ps = build(10)
print(read_y(ps))
P.y = property(lambda self: "prop")
print(read_y(ps))
del P.y
print(read_y(ps))

# __getattr__ and __getattribute__ with instance attributes
class G:
    def __init__(self):
        self.here = 1

    def __getattr__(self, name):
        return "missing " + name


gs = [G() for _ in range(10)]
print([g.here for g in gs][:3], [g.nothere for g in gs][:2])
del gs[0].here
print(gs[0].here)


class GA:
    def __init__(self):
        self.v = 5

    def __getattribute__(self, name):
        if name == "v":
            return object.__getattribute__(self, name) * 2
        return object.__getattribute__(self, name)


print([GA().v for _ in range(10)][:3])

# instances of different classes through the same sites (polymorphic)
class A1:
    def __init__(self):
        self.val = "A1"


class A2:
    def __init__(self):
        self.other = 0
        self.val = "A2"


mixed = [A1() if i % 2 else A2() for i in range(20)]


def read_val(objs):
    return [o.val for o in objs]


print(read_val(mixed)[:4])
for o in mixed:
    o.val = o.val + "!"
print(read_val(mixed)[:4], dir(mixed[0])[-2:], repr(vars(mixed[1])))
