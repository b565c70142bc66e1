"""Dot product of two lists of floats, repeated over shifting inputs.

Size: the list length n. Prints the accumulated dot products.
"""
import sys


def dot(a, b, n):
    total = 0.0
    for i in range(n):
        total += a[i] * b[i]
    return total


def main():
    n = 100000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    a = []
    b = []
    for i in range(n):
        a.append(((i * 7) % 101) / 101.0)
        b.append(((i * 13) % 89) / 89.0 - 0.5)
    acc = 0.0
    for r in range(100):
        acc += dot(a, b, n)
        a[r % n] += 1.0
    print("dot:", acc)


main()
