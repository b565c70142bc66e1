"""Element-wise addition of two lists of floats into a third, repeated.

Size: the list length n. Each round writes c[i] = a[i] + b[i], then feeds c
back into a. Prints a few elements and the final sum.
"""
import sys


def make_list(n, scale):
    out = []
    for i in range(n):
        out.append((i % 97) * scale + 0.5)
    return out


def vector_add(a, b, c, n):
    for i in range(n):
        c[i] = a[i] + b[i]


def main():
    n = 100000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    a = make_list(n, 0.25)
    b = make_list(n, 0.001)
    c = [0.0] * n
    for r in range(80):
        vector_add(a, b, c, n)
        a, c = c, a
    total = 0.0
    for x in a:
        total += x
    print("a[0] =", a[0], "a[n-1] =", a[n - 1])
    print("sum:", total)


main()
