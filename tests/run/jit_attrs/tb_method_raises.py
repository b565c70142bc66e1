# Exceptions inside inlined methods: the traceback shows every level, as CPython's.
class V:
    def __init__(self, x):
        self.x = x

    def inv(self):
        return 1.0 / self.x

    def outer(self, d):
        self.x = self.x - d
        return self.inv()


def loop(vs):
    t = 0.0
    for v in vs:
        t += v.outer(1.0)
    return t


vs = [V(float(i + 2)) for i in range(20)]
print(loop(vs))
print([v.x for v in vs[:5]])
vs[12].x = 2.0
try:
    loop(vs)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print([v.x for v in vs[10:14]])
vs[15].x = 1.0
loop(vs)
