# Fused UNPACK_SEQUENCE + STORE_FAST: items stored straight into the locals when no target
# holds an object, through the operand stack otherwise (destructors, duplicate targets).

class Box:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Box(" + self.name + ")"


def ints(n):
    total = 0
    for i in range(n):
        a, b, c = (i, i + 1, i + 2)
        total += a + b * c
        d, e = [i * 2, 7]
        total += d - e
    return total


def dup(n):
    out = []
    for i in range(n):
        a, a, b = (i, "x" + str(i), [i])
        out.append((a, b))
        a, a = [b, i]
        out.append(a)
    return out


def objects_in_targets():
    log = []
    lst = [1, 2, 3]
    a, b, c = (Box("a0"), "s", [0])
    for i in range(4):
        # targets holding objects, then ints
        a, b, c = lst
        log.append(("got", a, b, c, len(lst)))
        lst = [Box("l" + str(i)), 5, 6]
        a, b, c = (c, a, Box("t" + str(i)))
        log.append(("tup", a, b, c))
    x, y = (Box("x0"), Box("y0"))
    x, y = (1, 2)
    log.append(("xy", x, y))
    return log


def wrong_lengths():
    for seq in [(1, 2), [1, 2, 3, 4], (1, 2, 3)]:
        try:
            a, b, c = seq
            print("ok", a, b, c)
        except ValueError as e:
            print("ValueError", e)


def strings_and_floats(n):
    acc = []
    for i in range(n):
        s, f, t = ("s" + str(i % 3), i * 0.5, (i,))
        acc.append(s + str(f) + str(t[0]))
    return acc[-3:]


print(ints(50))
print(dup(4))
print(objects_in_targets())
wrong_lengths()
print(strings_and_floats(20))
