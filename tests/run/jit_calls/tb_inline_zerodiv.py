# An uncaught ZeroDivisionError two inlined calls deep in a hot loop: the traceback
# shows every level, as in CPython.
def inv(x):
    return 1 / x

def shifted(i, k):
    return inv(k - i) + 1

def run(n):
    t = 0.0
    for i in range(n):
        t += shifted(i, 40)
    return t

print(run(30))
print(run(50))
