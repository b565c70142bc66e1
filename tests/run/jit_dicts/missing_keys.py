# KeyError from d[k] inside a loop the JIT compiled, caught inside and outside the loop.


def inside(n):
    d = {0: 10, 1: 11, 2: 12}
    misses = 0
    total = 0
    for i in range(n):
        try:
            total += d[i % 5]
        except KeyError as e:
            misses += 1
            last = e.args
    return total, misses, last


def outside(n):
    d = {}
    for i in range(n):
        d[i] = i * i
    total = 0
    for i in range(n + 5):
        total += d[i]
    return total


print(inside(300))
try:
    print(outside(200))
except KeyError as e:
    print("KeyError", e)
d = {"a": 1}
try:
    for i in range(100):
        x = d["a"]
    x = d["b"]
except KeyError as e:
    print("KeyError", repr(e), x)
