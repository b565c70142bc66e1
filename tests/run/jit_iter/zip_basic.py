# zip loops: two and three parts, lists, tuples, ranges, unequal lengths
def dot(a, b):
    t = 0
    for x, y in zip(a, b):
        t += x * y
    return t


def three(a, b, c):
    t = 0
    for x, y, z in zip(a, b, c):
        t += x * y - z
    return t


a = list(range(40))
b = [2] * 40
print(sum(dot(a, b) for _ in range(20)))
print(sum(dot(a, (1.5,) * 30) for _ in range(20)))
print(sum(dot(range(60), range(100, 40, -1)) for _ in range(20)))
print(sum(three(a, b, range(35)) for _ in range(20)))
print(sum(three((1, 2, 3) * 10, a, b) for _ in range(20)))
# unequal lengths: zip calls next() on the first iterator before it finds the second
# exhausted, so one element of the first is consumed
for _ in range(30):
    it = iter(a)
    jt = iter(b[:25])
    t = 0
    for x, y in zip(it, jt):
        t += x + y
print(t, next(it), next(jt, "done"))
for _ in range(30):
    it = iter(range(10))
    t = 0
    for x, y, z in zip(it, [1] * 50, (2,) * 5):
        t += x + y + z
print(t, next(it))
# the same iterator twice
for _ in range(20):
    it = iter(list(range(41)))
    t = 0
    for x, y in zip(it, it):
        t += x * y
print(t, list(it))
# zip of one
print(sum(sum(x for (x,) in zip(a)) for _ in range(5)))
s = 0
for _ in range(20):
    for (x,) in zip(a):
        s += x
print(s)
