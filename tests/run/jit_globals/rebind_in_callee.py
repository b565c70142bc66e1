# A pinned global is rebound from inside a function the trace calls opaquely, during a
# run of the trace: the trace must notice after the call and use the new binding.
# (the mutating functions take an unused default argument: calls of them are opaque
# calls of the trace, not inlined)
scale = 3


def helper(i, unused=None):
    global scale
    if i == 150:
        scale = 7
    if i == 300:
        scale = 0.5
    return i


def run(n):
    total = 0
    for i in range(n):
        helper(i)
        total += scale * 2
    return total


print(run(400))
scale = 3
print(run(400))


def fn(x):
    return x + 1


def swap(i, unused=None):
    global fn
    if i == 100:
        fn = lambda x: x * 10


def calls(n):
    out = 0
    for i in range(n):
        swap(i)
        out += fn(i)
    return out


print(calls(200))
