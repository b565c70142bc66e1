# An int computed in an inlined callee outgrows 64 bits, then overflows a float
# conversion: OverflowError with the callee's frame in the traceback.
def grow(x):
    return x * x + 1

def as_float(x):
    return x / 1

def run(n):
    v = 2
    t = 0.0
    for i in range(n):
        v = grow(v)
        t += as_float(v)
    return t

print(run(3))
print(run(20))
