# list()/tuple()/set()/frozenset() consuming generators: values, order, side effects
# interleaved with yields, values not taken by the fast path, nested consumers.
log = []

def noisy(n):
    for i in range(n):
        log.append(("yield", i))
        yield i * i

print(tuple(noisy(4)), log)
log.clear()
print(list(noisy(3)), sorted(set(noisy(5))), sorted(frozenset(noisy(3))))
print(len(log))

class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        print("hash", self.k)
        return hash(self.k)
    def __eq__(self, other):
        print("eq", self.k)
        return isinstance(other, Key) and self.k == other.k

def mixed():
    yield 1
    yield Key(1)
    yield 2
    yield Key(1)
    yield 1.0
    yield None
    yield True

s = set(mixed())
print(len(s), None in s, sorted(x for x in s if x is not None and not isinstance(x, Key)))

def sees(s):
    for i in range(4):
        print("sees", sorted(s))
        yield i

t = set()
t.update(sees(t))
print(sorted(t))
u = {9}
u.__init__(sees(u))
print(sorted(u))

# nested: a generator whose body itself consumes generators
def outer():
    for i in range(3):
        yield tuple(j for j in range(i)), set(k % 2 for k in range(i + 1))

print(list(outer()))
g = (x for x in range(5))
print(next(g), list(g), list(g), tuple(g))
print(list(x for x in [[1], "ab", (2,), None]))
print(sorted(frozenset(x % 3 for x in range(10))), set(()), set(x for x in ()))
