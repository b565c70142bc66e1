# BINARY_SUBSCR / STORE_SUBSCR / UNPACK_SEQUENCE sites whose container type changes after
# they specialized.
def get(c, k):
    return c[k]

def put(c, k, v):
    c[k] = v

class L(list):
    def __getitem__(self, i):
        return ("L", i)
    def __setitem__(self, i, v):
        list.__setitem__(self, i, v * 100)

class D(dict):
    def __missing__(self, k):
        return ("missing", k)

out = []
lst = list(range(10))
tup = tuple(range(10, 20))
dct = {"a": 1, 2: "two", (1, 2): "pair"}
for i in range(120):
    if i < 30:
        out.append(get(lst, i % 10 - 5))
    elif i < 50:
        out.append(get(tup, i % 10))
    elif i < 70:
        out.append(get(dct, ["a", 2, (1, 2)][i % 3]))
    elif i < 80:
        out.append(get(L([1, 2]), i))
    elif i < 90:
        out.append(get("abcdefghij", i % 10))
    elif i < 100:
        out.append(get(D(), i))
    else:
        out.append(get(lst, slice(1, 3)))
print(out)

for bad in ([1, 2], (1, 2), {}, "ab"):
    for k in (0, 5, "x"):
        try:
            get(bad, k)
        except (IndexError, KeyError, TypeError) as e:
            print(type(e).__name__, e)

l2 = [0] * 5
l3 = L([0] * 5)
d2 = {}
for i in range(60):
    if i < 20:
        put(l2, i % 5, i)
    elif i < 30:
        put(l3, i % 5, i)
    elif i < 40:
        put(d2, i, i)
    else:
        put(l2, -1 - i % 5, -i)
print(l2, l3, d2)
try:
    put(l2, 10, 1)
except IndexError as e:
    print("IndexError", e)

def unpack2(s):
    a, b = s
    return a, b

def unpack3(s):
    a, b, c = s
    return c, b, a

def gen():
    yield 1
    yield 2

class T(tuple):
    def __iter__(self):
        return iter(["T0", "T1"])

res = []
for i in range(100):
    if i < 30:
        res.append(unpack2((i, -i)))
    elif i < 50:
        res.append(unpack2([i, "l"]))
    elif i < 60:
        res.append(unpack2(gen()))
    elif i < 70:
        res.append(unpack2(T((1, 2))))
    elif i < 80:
        res.append(unpack2("xy"))
    else:
        res.append(unpack2({i: 0, -i: 1}))
print(res)
for i in range(40):
    r = unpack3((1, 2, 3) if i % 2 else [4, 5, 6])
print(r)
for bad in ((1, 2, 3, 4), [1], (1,), [], 5, "abcd"):
    try:
        unpack3(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
