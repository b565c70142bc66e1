# Nests whose traces link to each other thousands of times in one run, with exits deep
# in such a chain: type changes, a late break, an exception, a changed bound.


def long_run(n):
    total = 0
    for i in range(n):
        for j in range(3):
            total += i * j
    return total


def type_change(n, at):
    acc = 0
    x = 1
    for i in range(n):
        if i == at:
            x = 1.5
        for j in range(2):
            acc += x
    return acc


def late_break(n, stop):
    hits = 0
    for i in range(n):
        for j in range(4):
            if i == stop and j == 2:
                break
            hits += 1
    return hits


def raises_late(n, bad):
    done = 0
    try:
        for i in range(n):
            for j in range(3):
                if i == bad:
                    raise ValueError("row %d" % i)
                done += j
    except ValueError as e:
        return (done, str(e))
    return (done, None)


def changing_bound(n):
    s = 0
    k = 1
    for i in range(n):
        for j in range(k):
            s += j
        if i % 100 == 99:
            k += 1
    return s


def while_nest(n):
    out = 0
    i = n
    while i > 0:
        i -= 1
        j = 3
        while j:
            j -= 1
            out += i ^ j
    return out


def lists(n):
    rows = [[r * 3 + c for c in range(3)] for r in range(n)]
    t = 0
    for row in rows:
        for v in row:
            t += v
    return t


print(long_run(5000))
print(type_change(3000, 2500))
print(type_change(100, 1000))
print(late_break(4000, 3900))
print(raises_late(5000, 4321))
print(raises_late(50, 4321))
print(changing_bound(1000))
print(while_nest(4000))
print(lists(3000))
for n in (10, 2000, 7):
    print(n, long_run(n), while_nest(n))
