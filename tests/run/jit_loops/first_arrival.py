# Loops in functions called many times: the loop's trace is entered at the loop's first
# arrival (before any back-edge), with temporaries the body assigns before reading them
# (dead at the entry) holding anything, or nothing, before the loop.


def escape(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    i = 0
    while i < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        i += 1
    return limit


def reads_before_write(n, at):
    # `t` is assigned before it is read on the usual path; at `i == at` the old value
    # is read first: the value before the loop at i == 0, else the previous iteration's
    t = "before"
    seen = []
    i = 0
    while i < n:
        if i == at:
            seen.append(t)
        t = i * 2
        i += 1
    return seen, t


def unbound_first(n, at):
    i = 0
    while i < n:
        if i == at:
            try:
                print("y is", y)
            except UnboundLocalError as e:
                print("UnboundLocalError:", e)
        y = i * 1.5
        i += 1
    return y


def int_then_float(xs):
    # `s` is an int before the loop and a float in it: first arrivals fail the entry guard
    s = 0
    for x in xs:
        s += x
    return s


def flags(xs):
    count = 0
    for x in xs:
        big = x > 3
        if big:
            count += 1
    return count, big


def number_then_none(n):
    i = 0
    while i < n:
        v = i + 1
        v = None
        i += 1
    return v


total = 0
for y in range(12):
    for x in range(12):
        total += escape(-2.0 + x / 4.0, -1.5 + y / 4.0, 30)
print("escape total", total)
for at in [0, 3, 7, -1, 0, 9, 2]:
    print(reads_before_write(10, at))
for at in [0, 2, -1, 0]:
    print(unbound_first(5, at))
fl = [0.5 * k for k in range(20)]
print([int_then_float(fl) for _ in range(12)][-1], int_then_float([1, 2, 3]))
print([flags(range(k, k + 6)) for k in range(15)])
print([number_then_none(k) for k in range(1, 10)])
print([[v * 2 for v in range(k)] for k in range(6)])
