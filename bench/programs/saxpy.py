"""SAXPY over lists of floats: y[i] = alpha * x[i] + y[i], repeated.

Size: the list length n. Prints two elements and the final sum of y.
"""
import sys


def saxpy(alpha, x, y, n):
    for i in range(n):
        y[i] = alpha * x[i] + y[i]


def main():
    n = 100000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    x = []
    y = []
    for i in range(n):
        x.append((i % 13) * 0.125)
        y.append((i % 7) * 0.5)
    alpha = 0.5
    for r in range(100):
        saxpy(alpha, x, y, n)
        alpha = -alpha * 0.9
    total = 0.0
    for v in y:
        total += v
    print("y[1] =", y[1], "y[n-1] =", y[n - 1])
    print("sum:", total)


main()
