# Opaque calls inside inlined calls (multi-frame snapshots): the callee of an inlined call
# (or of a call inlined in it, depth 2 and 3) makes a call the trace cannot inline (a
# default argument is used), then goes on computing; exits after the call (a result of
# another type, an int overflowing, a branch the other way) resume mid-callee and the call
# is never made twice (each opaque callee counts its calls).
calls = [0]


def opaque(x, k=2):
    calls[0] += 1
    if x == 77:
        return 1.5          # a result of another type: the call's own guard exits
    if x == 91:
        return 2 ** 62      # the sum after it overflows into a big int
    return x * k


def depth1(a, b):
    c = opaque(a)
    d = c + b               # exits here resume in `depth1`, after the call
    if d > 150:
        d = d - 3
    return d * 2


def depth2(a, b):
    r = depth1(a, b)
    return r + a


def depth3(a, b):
    s = depth2(a, b + 1)
    t = opaque(s, 1)        # a second opaque call, one frame up
    return t - b


def run(n, f):
    total = 0
    for i in range(n):
        total += f(i, 2 ** 62 if i == 91 else 3)
    return total


for f in (depth1, depth2, depth3):
    calls[0] = 0
    print(f.__name__, run(120, f), calls[0])
    calls[0] = 0
    print(f.__name__, run(30, f), calls[0])


# the opaque call is a method of an object the caller holds (a bound method in a local)
class Acc:
    def __init__(self):
        self.n = 0

    def add(self, v, scale=1):
        self.n += v * scale
        return self.n


def step(add, i):
    x = add(i)
    if x % 5 == 0:
        return x + 1
    return x


def drive(n):
    acc = Acc()
    add = acc.add
    t = 0
    for i in range(n):
        t += step(add, i)
    return t, acc.n


print(drive(200))
