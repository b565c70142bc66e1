# Opaque calls in loop traces (callees that use a default argument are not inlined) that raise: caught inside the loop, caught outside it, and
# not caught (the traceback's line is the call's); RecursionError inside the call.
import sys


def parse(s, base=10):
    return int(s, base)


def inside(n):
    total = 0
    for i in range(n):
        try:
            total += parse("x" if i % 7 == 3 else str(i))
        except ValueError as e:
            total -= 100
    return total


def outside(n):
    total = 0
    try:
        for i in range(n):
            total += parse(str(i) if i != 25 else "bad")
    except ValueError as e:
        print("caught outside at", total, e)
    return total


def deep(k, unused=None):
    return deep(k + 1) if k < 10**6 else k


def recursion(n):
    hits = 0
    for i in range(n):
        try:
            deep(0)
        except RecursionError:
            hits += 1
    return hits


def uncaught(n):
    t = 0
    for i in range(n):
        t += parse(str(i) if i < 30 else "boom")
    return t


print(inside(40))
print(outside(40))
sys.setrecursionlimit(200)
print(recursion(5))
sys.setrecursionlimit(1000)
uncaught(40)
