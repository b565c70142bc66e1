import sys
sys.setrecursionlimit(100000)
def f(n):
    if n == 0: raise ValueError('deep')
    f(n - 1)
f(50000)
