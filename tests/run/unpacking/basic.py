a, b = 1, 2
(c, d), e = (3, 4), 5
[f, g] = "xy"
h, = [6]
print(a, b, c, d, e, f, g, h)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
head, *mid, tail = range(6)
print(first, rest, init, last, head, mid, tail)
x, *y = [1]
print(x, y)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
