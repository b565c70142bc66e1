# Uncaught IndexError from a nested call inside a hot loop.
data = list(range(150))

def at(xs, k):
    return xs[k]

s = 0
for i in range(1000):
    s += at(data, i)
    if i % 50 == 0:
        print(i, s)
