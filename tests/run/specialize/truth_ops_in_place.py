# `a or b`, `a and b` and `not x` (JUMP_IF_*_OR_POP, UNARY_NOT): bool/None/int
# conditions are read in place; objects (with __bool__, __len__, raising) take truthy()
class T:
    def __init__(self, held, waiting):
        self.held = held
        self.waiting = waiting

    def busy(self):
        return self.held or (not self.waiting and self.held)


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("B.__bool__", self.v)
        return self.v


class L:
    def __len__(self):
        return 0


class Bad:
    def __bool__(self):
        raise ValueError("no truth")


vals = [True, False, None, 0, 1, -3, 0.0, 2.5, "", "x", [], [0], (), B(True), B(False), L(), T(1, 0)]
for k in range(2):
    out = []
    for v in vals:
        r1 = v or "alt"
        r2 = v and "then"
        out.append((type(r1).__name__, type(r2).__name__, not v))
    print(k, out)
print([T(h, w).busy() for h in (True, False, 0, 2) for w in (True, False, None)])
for expr in (lambda: Bad() or 1, lambda: Bad() and 1, lambda: not Bad()):
    try:
        expr()
    except ValueError as e:
        print("ValueError:", e)
x = 5
print(x > 3 and x < 10 or x == 0, not x, not (x - 5), None or 0 or "", 0 and 1 / 0)
