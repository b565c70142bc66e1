# Calls of built-in types in a hot loop (the CALL_CLASS family's built-in constructor entry):
# results, errors, and types whose __init__ or __new__ is special.
out = []
for i in range(30):
    out.append((int(i * 1.5), float(i), str(i), bool(i % 2), tuple(range(i % 3)), int("7", 8 + i % 3)))
print(out[-1], len(out))
for i in range(20):
    try:
        int("x" + str(i))
    except ValueError as e:
        msg = str(e)
print(msg)


class C:
    def __init__(self):
        self.v = super().__init__()


for i in range(20):
    c = C()
print(c.v)
for i in range(20):
    s = super(C, c)
print(type(s).__name__)
for i in range(20):
    t = type(i)
print(t)
for i in range(20):
    l = list(range(i % 4))
    d = dict(a=i)
    st = set([i, i])
print(l, d, st)
for i in range(20):
    o = object()
print(type(o).__name__)
for i in range(20):
    r = range(i, i + 3)
    fs = frozenset((i, 1))
print(list(r), sorted(fs))


class MyInt(int):
    pass


for i in range(20):
    m = MyInt(i)
print(type(m).__name__, m)
for i in range(20):
    try:
        float("nope")
    except ValueError as e:
        msg = str(e)
print(msg)
