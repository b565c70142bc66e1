# Subscript superinstructions: c[k], c[k] = v and c[k] op= x with locals/constants,
# and their fall-backs (subclasses, other types, negative and bad indices, errors).
class L(list):
    def __getitem__(self, i):
        return ("L", i)
    def __setitem__(self, i, v):
        print("set", i, v)

def run(c, k, v):
    a = c[k]
    b = c[0]
    c[k] = v
    c[-1] = b
    c[k] += a
    return a, b

for c in ([1, 2, 3], (4, 5, 6), L([7, 8, 9]), {0: 1, 2: 3, -1: 0}, bytearray(b"abc")):
    try:
        print(run(c, 2, 10), c)
    except TypeError as e:
        print("TypeError", e, c)
data = [0.5, 1.5, 2.5]
for i in range(-3, 3):
    data[i] += i * 2.0
    print(data[i], data[-1], data[i] * data[0])
def swap(p, i, j):
    p[i], p[j] = p[j], p[i]
    t = p[i]
    p[i] = p[j]
    p[j] = t
    return p
print(swap([1, 2, 3, 4], 0, 3), swap([1, 2, 3, 4], -1, 1))
for bad in (5, -5, "x", 1.0, True):
    xs = [1, 2, 3]
    for f in (lambda: xs[bad], lambda: xs.__setitem__(bad, 0)):
        try:
            print(f(), xs)
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        xs[bad] += 1
        print(xs)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
def unbound():
    if False:
        q = [1]
    return q[0]
try:
    unbound()
except UnboundLocalError as e:
    print(e)
def fails(xs, i):
    return xs[i] + 1
print(fails([1, 2], 1))
fails([1, 2], 5)
