# Instances made in loop traces, changed through another reference (a list item, an
# attribute of another object, a function with a loop that the trace calls opaquely),
# read back through the first one; subclasses calling the base __init__; a carried
# instance read after the loop ends by an exception.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class W(V):
    def __init__(self, x):
        V.__init__(self, x, -x)
        self.z = x * 2


class Holder:
    def __init__(self):
        self.item = None


def poke(obj, n):
    for _ in range(n):
        obj.x += 1


def through_list(n):
    lst = []
    t = 0
    for i in range(n):
        v = V(i, 0)
        lst.append(v)
        w = lst[len(lst) - 1]
        w.x = 5
        t += v.x
    return t


def through_attr(n):
    h = Holder()
    t = 0
    for i in range(n):
        v = V(i, 1)
        h.item = v
        h.item.y = 7
        t += v.y + v.x
    return t, h.item.x


def through_call(n):
    t = 0
    for i in range(n):
        v = V(i, 2)
        poke(v, 3)
        t += v.x
    return t


def subclass(n):
    t = 0
    for i in range(n):
        w = W(i)
        t += w.x + w.y + w.z
    return t, vars(w)


def carried_then_raise(n):
    last = V(-1, -1)
    try:
        for i in range(n):
            last = V(i, 10 // (n - 50 - i))
    except ZeroDivisionError:
        pass
    return last.x, last.y


print(through_list(300))
print(through_attr(300))
print(through_call(300))
print(subclass(300))
print(carried_then_raise(300))
