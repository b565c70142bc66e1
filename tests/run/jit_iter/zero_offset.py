# enumerate/zip parts recorded at offset 0 (counter == lead), then entered with other
# offsets: a start value, a part advanced alone before the loop, ranges counting down
def total(it):
    t = 0
    for j, x in it:
        t += j * 3 + x
    return t


def pairs(it):
    t = 0.0
    for a, b in it:
        t = t * 0.5 + a - b
    return t


xs = [k * 2 for k in range(60)]
fs = [k * 0.25 for k in range(60)]
for rnd in range(3):
    # recorded on fresh iterators (offset 0) ...
    print(rnd, sum(total(enumerate(xs)) for _ in range(6)))
    # ... then offsets other than 0 at the entry
    print(rnd, total(enumerate(xs, 7)), total(enumerate(xs, -3)))
    it = iter(xs)
    next(it)
    next(it)
    print(rnd, total(enumerate(it)), next(it, "done"))
    print(rnd, sum(pairs(zip(fs, xs)) for _ in range(6)))
    it = iter(fs)
    next(it)
    print(rnd, pairs(zip(xs, it)), next(it, "done"))
    print(rnd, pairs(zip(range(60), range(60, 0, -1))), pairs(zip(range(5, 65), fs)))
    print(rnd, total(enumerate(range(40))), total(enumerate(range(40, 0, -1))))

# a loop left early keeps the count and the part in step
e = enumerate(xs)
for j, x in e:
    if j == 45:
        break
print(next(e), next(e))
it = iter(xs)
z = zip(it, fs)
for a, b in z:
    if a > 70:
        break
print(next(z), next(it))
# a type change in the part after the loop is compiled
ys = xs[:] + [1.5, "s"]
try:
    print(total(enumerate(ys)))
except TypeError as exc:
    print("TypeError", exc)
