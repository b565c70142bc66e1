# An exception deep in an f -> g -> h -> k chain, after many successful loop iterations.
def k(x):
    return 100 // (x - 137)

def h(x):
    return k(x) + 1

def g(x):
    return h(x) * 2

def f(x):
    return g(x) - 1

s = 0
for i in range(300):
    s += f(i)
print(s)
