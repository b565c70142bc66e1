# Calls from a hot loop of functions that have loops of their own (not inlined: the
# callee's loop gets its own trace): results of several types, exceptions raised in the
# callee's loop and caught in the caller, globals rebound between calls, early returns.
def count_to(n):
    s = 0
    for i in range(n):
        s += i
    return s

def find(xs, v):
    i = 0
    while i < len(xs):
        if xs[i] == v:
            return i
        i += 1
    return None

def scale(xs, f):
    out = 0.0
    for x in xs:
        out += x * f
    return out

def risky(n):
    t = 0
    for i in range(n):
        t += 10 // (i - 7)
    return t

OFFSET = 1

def with_global(n):
    t = 0
    for i in range(n):
        t += OFFSET
    return t

total = 0
found = []
fl = 0.0
errors = 0
g = 0
data = [3, 1, 4, 1, 5, 9, 2, 6]
for j in range(400):
    total += count_to(j % 17)
    r = find(data, j % 11)
    found.append(r)
    fl += scale(data, 0.5 if j % 2 else 2)
    try:
        total += risky(j % 12)
    except ZeroDivisionError:
        errors += 1
    if j == 250:
        OFFSET = 2.5
    g += with_global(3)
print(total, found[:12], found.count(None), fl, errors, g)
