# BINARY_OP / COMPARE_OP sites that specialize, see other types mid-loop (misses), deopt,
# back off and specialize again for the new types.
def add(a, b):
    return a + b

def sub(a, b):
    return a - b

def mul(a, b):
    a *= b
    return a

class MyInt(int):
    def __add__(self, other):
        return "MyInt.add"

class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return Vec(self.x + o.x)
    def __mul__(self, k):
        return Vec(self.x * k)
    def __repr__(self):
        return f"Vec({self.x})"

out = []
for i in range(200):
    if i < 50:
        a, b = i, 3
    elif i < 90:
        a, b = i * 0.5, 0.25
    elif i < 100:
        a, b = str(i), "s"
    elif i < 110:
        a, b = [i], [0]
    elif i < 120:
        a, b = MyInt(i), 1
    elif i < 130:
        a, b = Vec(i), Vec(1)
    elif i < 140:
        a, b = 2 ** 62, 2 ** 62
    elif i < 150:
        a, b = i, 0.5
    else:
        a, b = i, i
    out.append(add(a, b))
    if not isinstance(a, (str, list, Vec)):
        out.append(sub(a, b))
    if not isinstance(a, (str, list, Vec)):
        out.append(mul(a, b))
print(out[:10], out[-10:])
print(len(out), sum(x for x in out if isinstance(x, int) and not isinstance(x, bool)))
print([x for x in out if isinstance(x, float)][:20])
print([x for x in out if not isinstance(x, (int, float))][:25])

# int overflow inside a specialized int form
big = []
x = 1
for i in range(80):
    x = x * 3
    x = x + 1
    x = x - 2
    big.append(x % 1000003)
print(big[-5:], x)
y = -(2 ** 63)
z = []
for i in range(20):
    z.append(y - 1)
    z.append(y * -1)
print(z[:4])

# comparisons fused with jumps: ints, then floats, then strs, then mixed and rich compares
def cmp(a, b):
    if a < b:
        return "lt"
    if a == b:
        return "eq"
    return "ge"

class Rich:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return "truthy-string"
    def __eq__(self, o):
        return 0

res = []
for i in range(150):
    if i < 40:
        res.append(cmp(i, 20))
    elif i < 70:
        res.append(cmp(i * 0.5, 25.0))
    elif i < 100:
        res.append(cmp(str(i), "80"))
    elif i < 110:
        res.append(cmp(i, 105.0))
    elif i < 120:
        res.append(cmp(Rich(i), Rich(0)))
    else:
        res.append(cmp(i, i))
print(res)

class S(str):
    def __eq__(self, o):
        return True
    __hash__ = str.__hash__
def eq(a, b):
    if a == b:
        return 1
    return 0
print([eq("a", "b") for _ in range(30)] + [eq(S("a"), "b") for _ in range(5)] + [eq("x", "x")])
try:
    for i in range(30):
        cmp(i, 10) if i < 20 else cmp(i, "s")
except TypeError as e:
    print("TypeError:", e)
try:
    for i in range(30):
        add(i, 1) if i < 20 else add(i, None)
except TypeError as e:
    print("TypeError:", e)
