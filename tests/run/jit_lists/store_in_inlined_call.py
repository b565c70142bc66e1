# A list store inside an inlined call followed by an exit later in the same call: the
# interpreter redoes the whole call, so the store must not have happened yet.


def bump(xs, ys, i):
    xs[i] = xs[i] + 1
    return ys[i] + 1


def bump_twice(xs, i, k):
    xs[i] += 1
    xs[i] += 1
    return 10 // k


def main():
    xs = [0] * 3
    ys = [1] * 3
    tot = 0
    for k in range(400):
        if k == 300:
            ys[1] = 2.5
        tot += bump(xs, ys, k % 3)
    print(xs, tot)
    zs = [0, 0]
    caught = 0
    for k in range(300):
        try:
            tot += bump_twice(zs, k % 2, 7 - k % 8)
        except ZeroDivisionError:
            caught += 1
    print(zs, tot, caught)


main()
