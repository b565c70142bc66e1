# Opaque calls inside inlined calls that change what the trace relies on: the callee
# rebinds a global the caller's trace reads, mutates a class whose attribute the inlined
# code reads, stores attributes before and after the call (the stores happen exactly once,
# in order), and returns objects of changing types.
LIMIT = 10


class P:
    scale = 2

    def __init__(self):
        self.x = 0
        self.y = 0


def bump(n, unused=None):
    global LIMIT
    if n == 60:
        LIMIT = 1000
    if n == 80:
        P.scale = 5
    return n


def work(p, i):
    p.x = i                 # a store before the call (pending until the call)
    v = bump(i)
    p.y = p.x + v           # a store after it (made at once)
    return v * P.scale + LIMIT


def run(n):
    p = P()
    t = 0
    for i in range(n):
        t += work(p, i)
    return t, p.x, p.y, LIMIT, P.scale


print(run(120))


def make(i, kind=None):
    if i % 3 == 0:
        return [i]
    if i % 3 == 1:
        return (i, i)
    return str(i)


def size(i):
    o = make(i)
    return len(o) + i


def sizes(n):
    t = 0
    for i in range(n):
        t += size(i)
    return t


print(sizes(150))
