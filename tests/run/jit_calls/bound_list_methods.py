# Bound list.pop / list.insert called through locals in a loop (bm_fannkuch's
# `perm1_ins(r, perm1_pop(0))`), made directly by the opaque-call helper: negative and
# out-of-range indexes, pop from an empty list (IndexError), non-int arguments, objects
# inserted, a list subclass, and the callable rebound to another list's method mid-loop.


class MyList(list):
    def pop(self, i=-1):
        return ("sub", list.pop(self, i))


def rotate(n, k):
    xs = list(range(n))
    pop = xs.pop
    ins = xs.insert
    for i in range(k):
        ins(i % (n + 2) - 1, pop(0))
        ins(-100, pop())
        ins(100, pop(-2))
    return xs


def drain(xs):
    pop = xs.pop
    out = []
    for i in range(len(xs) + 3):
        try:
            out.append(pop(i % 3 - 1))
        except IndexError as e:
            out.append(str(e))
    return out, xs


def kinds(n):
    xs = [0]
    ins = xs.insert
    pop = xs.pop
    for i in range(n):
        v = [None, True, 2.5, "s", (i,), [i]][i % 6]
        ins(0, v)
        if i % 4 == 3:
            ins(True, pop(False))
    return xs


def rebound(n):
    a, b = list(range(5)), list(range(10, 15))
    pop, target = a.pop, a
    for i in range(n):
        if i == n // 2:
            pop, target = b.pop, b
        try:
            target.append(pop(i % 3 - 1))
        except TypeError as e:
            target.append(str(e))
        if i == n - 3:
            pop = b.insert
    return a, b


def bad_index(n):
    xs = list(range(n))
    pop = xs.pop
    out = []
    for i in range(n):
        try:
            out.append(pop(10 ** 30 if i == 5 else "x" if i == 7 else 0))
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


print(rotate(7, 300))
print(drain(list(range(12))))
print(kinds(40))
print(rebound(40))
print(bad_index(12))
m = MyList(range(6))
print(drain(m))
