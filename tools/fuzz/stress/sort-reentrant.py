# list.sort / sorted / min / max with key functions and comparisons that re-enter,
# mutate or inspect the list being sorted
l = [3, 1, 2]
def k(x):
    l.sort()
    return x
try:
    l.sort(key=k)
except ValueError as e:
    print(e)
print(l)
m = [3, 1, 2]
def k2(x):
    return len(m), m.append(0) if len(m) < 50 else None, x
try:
    m.sort(key=k2)
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
print(len(m))
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        L.append(C(0)) if len(L) < 100 else None
        L.pop(0) if len(L) > 1 else None
        return self.v < o.v
L = [C(i % 7) for i in range(40)]
try:
    L.sort()
except ValueError as e:
    print(e)
print(len(L))
class D:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        N.sort()
        return self.v < o.v
N = [D(i) for i in range(5)]
try:
    N.sort()
except ValueError as e:
    print(e)
print([d.v for d in N])
print(sorted(range(10), key=lambda x: sorted(range(x), key=lambda y: -y)))
print(max(range(5), key=lambda x: min(range(x + 1), key=lambda y: -y)))
class E:
    def __lt__(self, o): raise StopIteration
try:
    sorted([E(), E()])
except StopIteration:
    print('StopIteration')
print(sorted([3, 1, 2], key=None, reverse=1), sorted([], key=len))
try:
    sorted([1, 2], key=lambda x: 1 / 0)
except ZeroDivisionError as e:
    print(e)
