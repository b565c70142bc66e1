import sys
for v in (10**9, 2**31, 2**63, 0, -1, 1, 10**100):
    try:
        sys.setrecursionlimit(v)
        print('set', v)
    except (ValueError, OverflowError, RecursionError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(2**31 - 1)
def f(): return f()
try:
    f()
except RecursionError:
    print('RecursionError')
