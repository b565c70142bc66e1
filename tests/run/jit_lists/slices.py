# Slices in loop traces: `xs[a:b:c]` made as an owned object, `xs[a:b] = ys` stored.
class L(list):
    def __setitem__(self, k, v):
        print("setitem", k)
        list.__setitem__(self, k, v)

class Box:
    def __init__(self, v):
        self.v = v

def flips(perm):
    n = 0
    k = perm[0]
    while k:
        perm[:k + 1] = perm[k::-1]
        n += 1
        k = perm[0]
    return n

def reads(xs, steps):
    t = 0
    for s in steps:
        t += len(xs[1:]) + len(xs[:s]) + len(xs[::s]) + len(xs[-s:-1])
        t += len(xs[s::-1]) + len(xs[::-s])
    return t

def resize(xs, n):
    for i in range(n):
        xs[i:i + 1] = xs[:i % 3]
    return xs

def zero_step(xs):
    out = []
    for s in [2, 1, 0, -1, 3]:
        try:
            out.append(len(xs[::s]))
        except ValueError as e:
            out.append(str(e))
    return out

def extended(xs):
    out = []
    for n in [3, 3, 2, 3, 4]:
        try:
            xs[::2] = xs[:n]
            out.append(xs[:])
        except ValueError as e:
            out.append(str(e))
    return out

def drop_objects(boxes, n):
    total = 0
    for i in range(n):
        boxes[:2] = boxes[2:4]
        total += len(boxes)
    return total, [b.v for b in boxes]

print(sum(flips([3, 1, 0, 2, 4]) + flips([2, 0, 1, 3]) for _ in range(30)))
print(reads(list(range(10)), [1, 2, 3] * 10), reads((1, 2, 3, 4), [1, 2] * 10), reads("abcdef", [1, 3] * 10))
print(resize(list(range(12)), 40))
print(zero_step(list(range(10))) * 1)
print(extended(list(range(6))))
print(drop_objects([Box(i) for i in range(8)], 3))
src = [4, 3, 2, 1, 0]
for i in range(5):
    src[:] = src[::-1]
    src[i:i] = src[:1]
print(src)
sub = L([2, 1, 0])
for i in range(3):
    sub[:2] = sub[1::-1]
print(sub)
gen = [0, 1, 2, 3]
for i in range(30):
    gen[:2] = range(i, i + 2) if i % 7 == 3 else gen[1::-1]
print(gen)
