l = list(range(20))
def key(x):
    l.append(x)
    return -x
try:
    l.sort(key=key)
except ValueError as e:
    print(e)
print(len(l))
l = list(range(20))
def key2(x):
    del l[:]
    return x
try:
    l.sort(key=key2)
except ValueError as e:
    print(e)
print(l)
class A:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        del L[:]
        L.extend([A(9)] * 30)
        return self.v < o.v
L = [A(i) for i in range(50)]
try:
    L.sort()
except ValueError as e:
    print(e)
print(len(L))
class B:
    def __lt__(self, o):
        raise KeyError('boom')
try:
    sorted([B(), B(), B()])
except KeyError as e:
    print('KeyError', e)
class C:
    def __lt__(self, o): return NotImplemented
try:
    sorted([C(), C()])
except TypeError as e:
    print(e)
m = [3, 1, 2]
print(sorted(m, key=lambda x: m.sort() or x), m)
print(max([1, 2, 3], key=lambda x: m.clear() or x), min(m, default=None))
