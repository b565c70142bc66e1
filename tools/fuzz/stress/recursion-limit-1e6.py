import sys
sys.setrecursionlimit(10**6)
def f(n): return f(n + 1)
try:
    f(0)
except RecursionError:
    print('RecursionError')
