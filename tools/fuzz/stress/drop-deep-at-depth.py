# A 10**6-deep list freed while the native stack is nearly exhausted (finding 012):
# CPython's trashcan frees it iteratively; recursive Rc drops overflow the stack.
import sys
sys.setrecursionlimit(10**6)
chain = []
for i in range(10**6):
    chain = [chain]
def f(n):
    global chain
    try:
        f(n + 1)
    except RecursionError:
        if chain is not None:
            chain = None          # frees 10**6 nested lists here, near the stack limit
f(0)
print("ok")
