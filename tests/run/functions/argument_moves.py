# Arguments of in-loop calls move into the callee's frame by a block copy: the caller's
# objects stay intact after the call, after a binding error and after a RecursionError.

def take(a, b):
    a.append(len(b))
    return a


def with_default(a, b=None, c=3):
    return [a, b, c]


class Box:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def method(self, a, b):
        return self.x + a + b


def wrong(a, b, c):
    return a


shared = [1]
other = "abc"
for i in range(3):
    r = take(shared, other)
print(r, shared, other, r is shared)
print(with_default([i for i in range(2)]), with_default("p", "q"))
boxes = [Box([i], (i, i)) for i in range(4)]
print([b.x for b in boxes], [b.y for b in boxes])
b = boxes[2]
print(b.method([7], [8]), b.x)
m = b.method
print(m([5], []), m.__self__ is b)
try:
    wrong(shared, other)
except TypeError as e:
    print("TypeError:", e)
print(shared, other)


def deep(n, payload):
    payload.append(n)
    return deep(n + 1, payload)


trail = []
try:
    deep(0, trail)
except RecursionError:
    print("RecursionError", len(trail) > 100, trail[:3])
print(take(trail[:2], "xy"), trail[:3])
total = 0
for i in range(200):
    total += len(take([i], (i, i)))
print(total)
