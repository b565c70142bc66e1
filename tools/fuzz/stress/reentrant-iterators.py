# iterators whose callbacks re-enter the same iterator (CPython allows it; taipan must
# neither panic on a RefCell borrow nor lose its state)
def f(x):
    return next(m, None), x
m = map(f, [1, 2, 3, 4])
print(list(m))
def p(x):
    return next(fl, None) is None
fl = filter(p, range(6))
print(list(fl))
def key(x):
    return next(z, None)
z = zip(range(3), range(3))
print(sorted(z, key=key) if False else list(z))
e = enumerate('abcd')
for i, c in e:
    print(i, c, next(e, None))
def cb():
    return next(ci, 'nested')
ci = iter(cb, 'never')
try:
    print(next(ci))
except (RecursionError, ValueError) as x:
    print(type(x).__name__)
l = [1, 2, 3]
it = iter(l)
for x in it:
    if len(l) < 10:
        l.extend([next(it, 0)])
print(l)
d = {1: 1, 2: 2}
di = iter(d)
try:
    for k in di:
        print(k, list(di))
except RuntimeError as x:
    print(x)
r = reversed([1, 2, 3])
print([(x, list(r)) for x in r])
g = (x for x in range(3))
print([(x, list(g)) for x in g])
s = {1, 2, 3}
si = iter(s)
print([(x, sorted(si)) for x in si])
