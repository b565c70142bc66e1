# Loop calls: a loop calling a function whose own loop has a trace (mandelbrot's shape).
# Returns at every iteration and after the loop, results whose type changes, callee loops
# with side traces, a list argument, exceptions raised in the callee's loop, recursion.

def escape(cr, ci, limit):
    zr = zi = 0.0
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


def kinds(n, k):
    j = 0
    acc = 0
    while j < n:
        acc += 1 if j % 3 == 0 else -1
        if j == k:
            return 1.5 * acc if k % 3 == 1 else None if k % 3 == 2 else acc
        j += 1
    return "done"


def noisy(n, out):
    j = 0
    while j < n:
        out.append(j)
        if j * j > n:
            return j
        j += 1
    return -1


def divide(n, d):
    t = 0
    while t < n:
        t += 10 // (d - t)
    return t


def rec(n):
    t = 0
    j = 0
    while j < n:
        t += rec(j // 2) + 1
        j += 1
    return t


def main():
    # (each callee's loop gets its trace before the loops calling it are recorded)
    escape(0.0, 0.0, 5), kinds(9, 20), noisy(3, []), divide(3, 9), rec(3)
    total = 0
    for y in range(30):
        for x in range(30):
            total = (total * 31 + escape(-2.0 + x / 12.0, -1.25 + y / 12.0, 25)) % 1000003
    res = []
    out = []
    for k in range(40):
        res.append(kinds(8, k % 10))
        res.append(noisy(k % 7, out))
        try:
            res.append(divide(5, k % 6))
        except ZeroDivisionError as e:
            res.append(str(e))
        res.append(rec(k % 6))
    print(total, len(out), sum(out))
    print(res)


main()
