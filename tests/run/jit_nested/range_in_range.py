# Nested for-range loops: the inner loop's trace, the outer body around it, triangular
# inner ranges and an inner loop with zero iterations.


def grid(n, m):
    s = 0
    for i in range(n):
        for j in range(m):
            s += i * j + 1
        s = s % 1000003
    return s


def triangle(n):
    s = 0
    for i in range(n):
        for j in range(i + 1, n):
            s += j - i
    return s


def empty_inner(n):
    s = 0
    for i in range(n):
        for j in range(i, i):
            s += 1000
        s += i
    return s


def sometimes_empty(n):
    s = 0
    for i in range(n):
        for j in range(i % 4):
            s += j
        s += 1
    return s


def float_acc(n):
    t = 0.0
    for i in range(n):
        row = 0.0
        for j in range(n):
            row += (i + 1) / (j + 1)
        t += row * 0.5
    return t


print(grid(300, 40))
print(triangle(200))
print(empty_inner(500))
print(sometimes_empty(700))
print(float_acc(120))
