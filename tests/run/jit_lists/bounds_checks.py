# Counted loops indexing lists: the bounds checks of xs[i] against the loop's stop
# (bounds-check elimination), with stops equal to, below and beyond the lengths.


def add_into(a, b, c, n):
    for i in range(n):
        c[i] = a[i] + b[i]


def total(xs, n, start=0):
    t = 0
    for i in range(start, n):
        t += xs[i]
    return t


def stepped(xs, n, step):
    t = 0
    for i in range(0, n, step):
        t += xs[i]
    return t


def while_sum(xs, n):
    t = 0
    i = 0
    while i < n:
        t += xs[i]
        i += 1
    return t


def find(xs, x):
    for i in range(1000000):
        if xs[i] == x:
            return i
    return -1


def main():
    a = [float(k) for k in range(300)]
    b = [0.5 * k for k in range(300)]
    c = [0.0] * 300
    add_into(a, b, c, 300)
    print(c[0], c[150], c[299])
    add_into(a, b, c, 120)
    print(sum(c))
    short = [1.0] * 200
    try:
        add_into(a, short, c, 300)
    except IndexError as e:
        print("IndexError", e, c[199], c[200])
    ints = list(range(250))
    print(total(ints, 250), total(ints, 100), total(ints, 250, 240))
    for n in (10, 250, 251, 400):
        try:
            print(n, total(ints, n))
        except IndexError as e:
            print(n, "IndexError", e)
    print(stepped(ints, 250, 3), stepped(ints, 250, 7))
    try:
        stepped(ints, 260, 3)
    except IndexError as e:
        print("stepped IndexError", e)
    print(while_sum(ints, 250))
    try:
        while_sum(ints, 300)
    except IndexError as e:
        print("while IndexError", e)
    # the list shrinks inside the loop: its length is not invariant
    xs = list(range(200))
    t = 0
    for i in range(150):
        t += xs[i]
        if i % 10 == 0:
            xs.pop()
    print(t, len(xs))
    try:
        for i in range(200):
            t += xs[i]
            xs.pop()
    except IndexError as e:
        print("shrinking IndexError", e, i, t)
    found = [find(ints, 200 + r % 40) for r in range(60)]
    print(sum(found), found[:3])
    try:
        find(ints, -1)
    except IndexError as e:
        print("find IndexError", e)
    # lists swapped between rounds (the lengths differ)
    p, q = [1] * 300, [2] * 100
    for r in range(4):
        try:
            print(r, total(p, 300))
        except IndexError as e:
            print(r, "IndexError", e)
        p, q = q, p


main()
