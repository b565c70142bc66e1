# sum()/any()/all() consuming generators: int runs past 64 bits, floats, mixed values,
# start values, the generator left suspended where any()/all() decided, __bool__ calls.
big = 2 ** 62
print(sum(x for x in range(10)), sum(x for x in (big, big, big, -big)))
print(sum((x * 0.5 for x in range(5)), 1), sum(x for x in [1, 2.5, True, 3]))
print(sum((x for x in [[1], [2]]), []), sum(x for x in ()), sum((x for x in ()), 7))
print(sum(x / 3 for x in range(7)), sum(float(x) for x in range(1, 4)))
print(sum(x for x in (1, 2, 10 ** 20, 3)), sum(x for x in (1.5, 2, 3.25)))

log = []
def trace(items):
    for x in items:
        log.append(x)
        yield x

g = trace([0, 0.0, None, False, 5, 6])
print(any(g), log, next(g))
log.clear()
g = trace([1, 2.5, True, 0, 9])
print(all(g), log, next(g))
print(any(x for x in ()), all(x for x in ()), any(x > 3 for x in range(5)))

class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v

print(any(x for x in [0, B(False), None, B(True), 7]))
print(all(x for x in [1, B(True), 2, B(False), 0]))
print(any(x for x in [float("nan")]), all(x for x in [-0.0]), any(x for x in [[], ""]))

def bad():
    yield 1
    yield 2
    yield "three"

sum(bad())
