# The recursion limit through calls bound by the defaults and keyword fast paths
# (RecursionError at the depth CPython reaches).
import sys
def d(n, acc=0):
    return d(n + 1)
def k(n, acc=0):
    return k(n=n + 1, acc=acc)
def depth(n, x=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
for f in (d, k):
    try:
        f(0)
    except RecursionError as e:
        print(type(e).__name__, e)
print(depth(0) > 900)
sys.setrecursionlimit(200)
print(depth(0))
