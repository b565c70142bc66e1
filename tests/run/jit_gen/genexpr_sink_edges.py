# Edge cases of generator expressions run as traces: an exception raised inside the loop
# (caught inside and outside the consumer), a free variable rebound between runs, a generator
# closed early, the same generator consumed by next() and by a for loop (no sink).


def raising(xs, d):
    try:
        return set(x // d for x in xs)
    except ZeroDivisionError as e:
        return "caught " + str(e)


def rebinding():
    out = []
    v = [1, 2, 3, 4]
    for k in range(20):
        if k == 10:
            v = (10.5, 20.5, 30.5, 40.5)
        out.append(tuple(v[i] for i in range(4)))
    return out[9], out[10], out[19]


def early_close():
    g = (i * i for i in range(100))
    first = [next(g) for _ in range(5)]
    g.close()
    return first, list(g)


def for_consumer():
    total = 0
    for rnd in range(30):
        for v in (i + rnd for i in range(10)):
            total += v
    return total


def unhashable():
    out = []
    for k in range(15):
        try:
            out.append(len(set([i] if i == k % 7 else i for i in range(8))))
        except TypeError as e:
            out.append(str(e))
    return out


for d in [3, 2, 1, 0, 5]:
    print(raising(list(range(30)), d))
print(rebinding())
print(early_close())
print(for_consumer())
print(unhashable())
print(set(x for x in range(50) if x % 3) == {x for x in range(50) if x % 3})
