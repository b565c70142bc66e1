a = [1, 2, 3, 4, 5, 6]
for x in a[:]:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
for i, x in enumerate(b):
    b[i] = x * 10
print(b)
c = [1, 2, 3, 4]
out = []
for x in c:
    out.append(x)
    if x == 2:
        c.append(99)
    if len(out) > 10:
        break
print(out, c)
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
