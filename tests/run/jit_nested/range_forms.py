# Inner for-range loops over ranges made in the outer loop's body: range(a), range(a, b),
# range(a, b, c) with positive and negative steps, empty inner ranges, bounds from outer
# values, and the loop variables read after the loops.


def one_arg(n):
    s = 0
    for i in range(n):
        for j in range(i):
            s += j * i
        s += 1
    return s, i, j


def two_args(n):
    s = 0
    for i in range(n):
        for j in range(i + 1, n):
            s += j - i
    return s


def negative_step(n):
    s = 0
    last = -1
    for i in range(n):
        for j in range(i, -1, -1):
            s = (s * 3 + j) % 1000003
            last = j
    return s, last


def step3(n):
    t = 0
    for i in range(n):
        for j in range(i % 7, 3 * n, 3):
            t += j
        t -= i
    return t


def negative_step3(n):
    t = 0
    for i in range(n):
        for j in range(n, i - n, -3):
            t ^= j + i
    return t


def step_from_outer(n):
    t = 0
    for i in range(1, n):
        for j in range(0, 100, i):
            t += j
    return t


def empty_ranges(n):
    s = 0
    for i in range(n):
        for j in range(i, i):
            s += 1000
        for k in range(5, 0):
            s += 7
        for k in range(0, 5, -1):
            s += 9
        s += i
    return s


def alternate_empty(n):
    s = 0
    for i in range(n):
        for j in range((i % 3) * 2):
            s += j
        s += 1
    return s


def float_rows(n):
    t = 0.0
    for i in range(n):
        row = 0.0
        for j in range(i, n):
            row += 1.0 / (j + 1)
        t += row * (i + 0.5)
    return t


def after_loop_values(n):
    j = -5
    total = 0
    for i in range(n):
        for j in range(i * 2, i * 2 + 3):
            total += j
        total += j
    return total, i, j


def big_bounds(n):
    s = 0
    base = 2 ** 62
    for i in range(n):
        for j in range(base + i, base + i + 4):
            s += j - base
    return s


print(one_arg(60))
print(two_args(150))
print(negative_step(80))
print(step3(90))
print(negative_step3(70))
print(step_from_outer(60))
print(empty_ranges(300))
print(alternate_empty(400))
print(float_rows(90))
print(after_loop_values(120))
print(big_bounds(200))
