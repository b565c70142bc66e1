# A RecursionError raised inside an opaque call made inside inlined calls (multi-frame
# snapshots): the opaque callee runs at the interpreter's recursion depth (the inlined
# frames count), so the error comes at the same call as in CPython, and is caught in the
# inlined callee (the zeros: -1 + 1).
import sys

def deep(k, unused=None):
    if k == 0:
        return 0
    return deep(k - 1) + 1

def inner(k):
    try:
        return deep(k)
    except RecursionError:
        return -1

def outer(k):
    return inner(k) + 1

def run(n, base):
    out = []
    for i in range(n):
        out.append(outer(base + i))
    return out

sys.setrecursionlimit(200)
def probe():
    k = 150
    while True:
        try:
            deep(k)
            k += 1
        except RecursionError:
            return k
lim = probe()
print(run(60, lim - 40))
print(run(300, 5))
