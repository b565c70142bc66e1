# Opaque calls in loop traces (callees that use a default argument are not inlined) whose callee rebinds a global the loop reads (the trace's
# pins are re-checked after the call), changes a class attribute, and mutates the list
# the loop iterates.

K = 1


class Box:
    scale = 2

    def __init__(self):
        self.items = [1, 2, 3]


def bump(i, unused=None):
    global K
    if i == 20:
        K = 100
    return i


def rescale(i, unused=None):
    if i == 15:
        Box.scale = 3
    return i


def globals_loop(n):
    t = 0
    for i in range(n):
        t += bump(i) * K
    return t


def class_loop(n):
    b = Box()
    t = 0
    for i in range(n):
        t += rescale(i) + b.scale
    return t


def grow(xs, i, unused=None):
    if len(xs) < 60:
        xs.append(i)
    return 1


def mutating(n):
    xs = list(range(n))
    t = 0
    for x in xs:
        t += x + grow(xs, x)
    return t, len(xs)


print(globals_loop(40))
print(class_loop(40))
print(mutating(30))
