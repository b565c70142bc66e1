l = [1, 2, 3]
for x in l:
    if len(l) < 100: l.append(x)
print(len(l))
l = list(range(10))
for x in l:
    l.remove(x)
print(l)
l = list(range(10))
for i, x in enumerate(l):
    del l[:]
print(l)
l = [1, 2, 3]
it = iter(l)
next(it)
l.clear()
print(list(it))
l = [1, 2, 3]
r = reversed(l)
l.clear()
print(list(r))
l = [1, 2, 3]
r = reversed(l)
next(r)
l.extend(range(100))
print(list(r))
l = [3, 1, 2]
print(sorted(l, key=lambda x: l.clear() or x), l)
