# An uncaught ValueError from math.sqrt in a hot loop: the traceback is CPython's.
import math

def norms(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(60 - i)
    return t

print(norms(50))
print(norms(70))
