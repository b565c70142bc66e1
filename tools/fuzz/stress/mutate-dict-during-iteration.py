d = {i: i for i in range(10)}
for k in (d, d.keys(), d.values(), d.items()):
    try:
        for x in k:
            d[100 + len(d)] = 1
    except RuntimeError as e:
        print(e)
d = {1: 1}
try:
    for k in d:
        del d[k]
        d[k] = 1
except RuntimeError as e:
    print(e)
print(d)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
d = {1: 2}
it = iter(d.items())
d.clear()
try:
    print(list(it))
except RuntimeError as e:
    print(e)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o):
        d.clear()
        return False
d = {K(1): 1, K(2): 2}
print(d.get(K(3)), len(d))
d = {K(1): 1}
try:
    d[K(2)] = 3
except RuntimeError as e:
    print(e)
print(len(d))
class E:
    mutations = 3
    def __hash__(self): return 1
    def __eq__(self, o):
        # a bounded number of mutations: with unbounded ones the lookup restarts forever
        # (CPython ends only because its allocator may reuse the freed table's address)
        if E.mutations > 0:
            E.mutations -= 1
            s.clear(); s.update(range(50))
        return False
s = {E(), E()}
print(E() in s, len(s))
