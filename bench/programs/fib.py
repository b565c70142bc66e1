"""Recursive Fibonacci: the cost of Python function calls.

Size: n. Prints fib(n) computed by the naive doubly recursive definition.
"""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = 33
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    print("fib(" + str(n) + ") =", fib(n))


main()
