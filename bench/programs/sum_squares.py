"""A tight integer loop: total += i * i.

Size: the loop bound n (kept small enough that every total fits in 63 bits).
Runs five rounds with slightly different bounds and prints each total.
"""
import sys


def sum_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def main():
    n = 2000000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    for r in range(5):
        print("sum of squares below", n - r, "=", sum_squares(n - r))


main()
