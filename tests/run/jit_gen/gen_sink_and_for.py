# One generator function consumed by a sink (sum, list, set: its loop compiles with the
# sink yield) and by a for loop or next() (no sink: the trace is not entered, the
# interpreter runs it); and a generator function yielding twice per iteration.


def gen(n):
    for i in range(n):
        yield i * 3


def pairs(n):
    for i in range(n):
        yield i
        yield -i * 0.5


acc = 0
for rnd in range(20):
    acc += sum(gen(50))
    for v in gen(30):
        acc += v
    g = gen(10)
    acc += next(g) + next(g)
    acc += len(set(gen(rnd)))
print(acc)
print(list(pairs(6)))
print(sum(pairs(100)), sorted(set(pairs(8)))[:5])
total = 0.0
for k in range(30):
    total += sum(pairs(k))
    total += max(list(gen(k + 1)))
print(total)
