# a, b = b, a and friends (compiled to SWAP, no tuple built): order of evaluation and of
# stores, targets of every kind, errors part-way through


class Loud:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append((name, value))
        if value == "boom":
            raise ValueError("cannot store boom in " + name)
        object.__setattr__(self, name, value)


def val(tag, v, log):
    log.append(tag)
    return v


log = []
a, b = val("b", 2, log), val("a", 1, log)
print(a, b, log)
a, b = b, a
print(a, b)
x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)
[p, q] = "pq", "qp"
print(p, q)
(single,) = (5,)
print(single)
lst = [0, 1, 2]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
o = Loud()
o.u, o.v = 1, 2
print(o.log)
try:
    o.u, o.v, o.w = 3, "boom", 4
except ValueError as e:
    print("ValueError:", e, o.log, o.u, hasattr(o, "w"))
d = {}
d["k"], d["j"] = d.setdefault("k", 1), 9
print(d)


def fib_pairs(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(fib_pairs(10), fib_pairs(90), fib_pairs(200))


def rotate3(n):
    x, y, z = 1, 2.5, None
    for i in range(n):
        x, y, z = y, z, x
    return x, y, z


print(rotate3(7), rotate3(300))
try:
    a, b = 1, undefined_name
except NameError as e:
    print("NameError:", e, a, b)
i = 0
items = [10, 20]
i, items[i] = 1, 99
print(i, items)
