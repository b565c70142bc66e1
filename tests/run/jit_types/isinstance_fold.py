# isinstance(x, C) in loop traces: folded to a constant under a guard on x's class, for
# user classes (subclasses, inlined methods with asserts), builtin types over ints,
# floats, bools and None, a global class rebound mid-loop, and a metaclass with
# __instancecheck__ (not folded).


class Base:
    pass


class A(Base):
    def kind(self):
        assert isinstance(self, A)
        return 1


class B(Base):
    def kind(self):
        assert isinstance(self, Base)
        return 2


class C:
    pass


class Meta(type):
    def __instancecheck__(cls, x):
        return isinstance(x, int) and x % 2 == 0


class Even(metaclass=Meta):
    pass


class Other:
    pass


def count(items):
    a = b = base = c = 0
    for x in items:
        if isinstance(x, A):
            a += 1
        if isinstance(x, B):
            b += 1
        if isinstance(x, Base):
            base += x.kind()
        if isinstance(x, C):
            c += 1
    return a, b, base, c


def scalars(vals):
    n = [0, 0, 0, 0, 0]
    for v in vals:
        if isinstance(v, int):
            n[0] += 1
        if isinstance(v, bool):
            n[1] += 1
        if isinstance(v, float):
            n[2] += 1
        if isinstance(v, type(None)):
            n[3] += 1
        if isinstance(v, Even):
            n[4] += 1
    return n


def rebound(items):
    global Target
    hits = 0
    for i in range(len(items)):
        if isinstance(items[i], Target):
            hits += 1
        if i == 150:
            Target = C
    return hits


Target = A


def main():
    objs = [A(), B(), C(), A(), 5, None]
    print(count([objs[i % 4] for i in range(400)]))
    print(count([objs[i % 6] for i in range(300)]))
    print(scalars([i if i % 3 else float(i) for i in range(300)] + [True, None] * 50))
    print(rebound([A() if i % 2 else C() for i in range(300)]))


main()
