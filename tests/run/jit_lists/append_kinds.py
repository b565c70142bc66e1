# list.append in traced loops: every value kind (int, float, bool, None, objects), lists
# grown across many reallocations, objects whose only reference the list holds, and
# appends of known objects (a global function) which the recorder refuses.


def ints(n):
    out = []
    for i in range(n):
        out.append(i * 3 - 7)
    return out


def floats(n):
    out = []
    for i in range(n):
        out.append(((i * 7) % 101) / 101.0)
    return out


def bools_and_nones(n):
    out = []
    for i in range(n):
        out.append(i % 3 == 0)
        out.append(None)
    return out


def objects(n):
    # rows referenced only by the outer list once the loop rebinds `row`
    rows = []
    for i in range(n):
        row = [i, i + 1]
        rows.append(row)
        rows.append("s")
        rows.append((i,))
    return rows


def shared(n):
    # the same object appended many times, including the list itself
    out = []
    x = [1, 2]
    for i in range(n):
        out.append(x)
        out.append(out)
    return out, x


def helper():
    return 1


def known(n):
    out = []
    for i in range(n):
        out.append(helper)
    return out


def mixed(n):
    # the appended value's type changes mid-loop: the recorded type's path exits
    out = []
    v = 0
    for i in range(n):
        if i == n // 2:
            v = 0.5
        out.append(v)
        v = v + 1
    return out


a = ints(5000)
print(len(a), a[:3], a[-3:], sum(a))
b = floats(5000)
print(len(b), b[:3], b[-1], sum(b))
c = bools_and_nones(1000)
print(len(c), c[:6], c.count(None), c.count(True), c.count(False))
d = objects(500)
print(len(d), d[:3], d[-3:], sum(r[0] for r in d[::3]))
e, x = shared(300)
print(len(e), e[0] is x, e[1] is e, e[-1] is e, all(e[k] is x for k in range(0, len(e), 2)))
x.append(3)
print(e[10])
k = known(200)
print(len(k), all(f is helper for f in k), k[7]())
m = mixed(400)
print(len(m), m[198:203], m[-1], type(m[0]).__name__, type(m[-1]).__name__)
