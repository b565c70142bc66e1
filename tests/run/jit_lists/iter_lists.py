# for loops over lists and tuples (list/tuple iterators on the entry stack): element
# types changing mid-loop, the list mutated inside the loop (append, clear, del, item
# assignment), break, nested loops, subclasses.


def total(xs):
    t = 0
    for x in xs:
        t += x
    return t


def ftotal(xs):
    t = 0.0
    for x in xs:
        t += x * 0.5
    return t


def appending(xs, limit):
    c = 0
    for x in xs:
        c += 1
        if c < limit:
            xs.append(x + 1)
    return c, len(xs)


def clearing(xs, at):
    c = 0
    for x in xs:
        c += x
        if x == at:
            xs.clear()
    return c, xs


def deleting(xs, at):
    seen = []
    for x in xs:
        if x == at:
            del xs[0]
        seen.append(x)
    return len(seen), seen[-3:]


def assigning(xs):
    s = 0
    for x in xs:
        s += x
        if s > 1000:
            xs[-1] = 0.5
    return s


def breaking(xs, stop):
    for x in xs:
        if x == stop:
            break
    return x


class L(list):
    pass


def count_objects(xs):
    n = 0
    for x in xs:
        if x is None:
            n += 1
    return n


def main():
    n = 400
    print(total(list(range(n))))
    print(total(tuple(range(n))))
    print(ftotal([i / 3 for i in range(n)]))
    mixed = [float(i) for i in range(n)]
    mixed[300] = 3
    mixed[350] = True
    print(ftotal(mixed))
    try:
        print(total(list(range(n)) + ["x"]))
    except TypeError as e:
        print("TypeError", e)
    print(appending(list(range(50)), 300))
    print(clearing(list(range(n)), 250))
    print(deleting(list(range(n)), 100))
    print(assigning([float(i) for i in range(n)]))
    print(breaking(list(range(n)), 333))
    print(total(L(range(n))))
    print(count_objects([None, "a", 1, None, 2.0] * 80))
    print(total([i * 2**40 for i in range(n)]))
    grid = [list(range(i, i + 30)) for i in range(30)]
    s = 0
    for row in grid:
        for v in row:
            s += v
    print(s)


main()
