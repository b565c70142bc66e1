# An attribute whose type changes mid-loop: int -> float -> str -> object.
class Box:
    def __init__(self, v):
        self.v = v


class SBox:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


def walk(boxes):
    out = []
    for b in boxes:
        x = b.v
        if isinstance(x, (int, float)):
            out.append(x + 1)
        else:
            out.append(repr(x))
    return out


def mutate(b, n):
    r = []
    for i in range(n):
        r.append(b.v)
        if i == 5:
            b.v = 2.5
        elif i == 10:
            b.v = "s"
        elif i == 15:
            b.v = [i]
        elif i < 5:
            b.v = i
    return r


for cls in (Box, SBox):
    bs = [cls(i) for i in range(10)] + [cls(1.5), cls("x"), cls(None), cls([1])] + [cls(i) for i in range(10)]
    print(walk(bs))
    print(mutate(cls(0), 20))


def add_loop(b, n):
    t = 0
    for i in range(n):
        t = t + b.v
        if i == 30:
            b.v = 10 ** 30
    return t


print(add_loop(Box(3), 40), add_loop(SBox(3), 40))
