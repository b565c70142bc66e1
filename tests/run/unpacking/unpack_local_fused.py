# `a, b, ... = local` in hot loops: the local unpacked straight into the targets, the
# sequence changing type and length, targets overwriting the unpacked local itself.


class Pair(tuple):
    pass


def total(seqs):
    s = 0
    for seq in seqs:
        try:
            a, b, c = seq
            s += a * 100 + b * 10 + c
        except ValueError as e:
            print("ValueError:", e)
        except TypeError as e:
            print("TypeError:", e)
    return s


rows = [(1, 2, 3)] * 50 + [[4, 5, 6]] * 50 + [(1, 2)] + ["789"] + [Pair((1, 1, 1))] + [5]
print(total(rows))
print(total([[7, 8, 9]] * 60 + [(1, 2, 3, 4)] + [[1]]))


def self_overwrite(n):
    # the unpacked local is one of the targets: its items are read before it goes
    out = []
    for i in range(n):
        t = (i, (i, i + 1), "x")
        a, t, b = t
        out.append(t)
    return out[-3:]


print(self_overwrite(40))


def objects_in_targets(n):
    a = b = None
    for i in range(n):
        v = [str(i), [i]]
        a, b = v
    return a, b


print(objects_in_targets(30))


def unbound():
    for i in range(30):
        t = (i, i)
        if i == 25:
            del t
        x, y = t
    return x


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def length_error(n):
    t = (1, 2, 3)
    for i in range(n):
        if i == n - 1:
            t = (1, 2, 3, 4)
        a, b, c = t
    return a


length_error(40)
