# append on lists that are not exact lists: a subclass instance (the fast path must not
# be taken: its append may be overridden), an object with its own append method, and a
# loop whose receiver changes from a list to a subclass instance mid-loop.


class Counting(list):
    def append(self, x):
        list.append(self, x * 10)


class Plain(list):
    pass


class Box:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(-x)


def fill(target, n):
    for i in range(n):
        target.append(i)
    return target


print(fill([], 300)[-3:])
c = fill(Counting(), 300)
print(type(c).__name__, len(c), c[-3:])
p = fill(Plain(), 300)
print(type(p).__name__, len(p), p[-3:])
b = fill(Box(), 300)
print(len(b.items), b.items[-3:])


def switch(n):
    targets = [[], Counting(), [], Plain()]
    out = None
    for t in range(4):
        out = targets[t]
        for i in range(n):
            out.append(i)
    return [(type(x).__name__, len(x), x[-1]) for x in targets]


print(switch(200))


def rebind_mid_loop(n):
    xs = []
    first = xs
    for i in range(n):
        if i == n // 2:
            xs = Counting()
        xs.append(i)
    return len(first), first[-1], type(xs).__name__, len(xs), xs[:2]


print(rebind_mid_loop(400))


def shadow_attr(n):
    # an instance attribute named append on a plain object is not list.append
    class Obj:
        pass

    o = Obj()
    got = []
    o.append = got.append
    for i in range(n):
        o.append(i)
    return len(got), got[-1]


print(shadow_attr(300))
