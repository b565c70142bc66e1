# FOR_ITER fused with the STORE_FAST after it (range, list and tuple iterators):
# the item goes straight into the local; other iterators, pairs and drops of the
# old value behave as before.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Noisy(%s)" % self.name

def ranges(n):
    total = 0
    for i in range(n):
        total += i
    for i in range(n, 0, -3):
        total -= i
    for i in range(2**62, 2**62 + 3):
        total += i & 7
    return total, i

def lists():
    out = []
    x = Noisy("before")
    for x in [Noisy("a"), 1, 2.5, "s", None, (1, 2)]:
        out.append(x)
    for x in (3, 4):
        y = x
        out.append(y * 2)
    return out, x

def pair_second_half():
    acc = []
    for a in [1, 2, 3]:
        acc.append(a)        # STORE_FAST a; LOAD_FAST acc: a pair after FOR_ITER
    return acc, a

def other_iterators():
    out = []
    for k in {"p": 1, "q": 2}:
        out.append(k)
    for c in "xyz":
        out.append(c)
    def gen():
        yield 10
        yield 20
    for g in gen():
        out.append(g)
    for e in iter([7, 8]):
        out.append(e)
    return out

def empty_keeps_local():
    v = "unchanged"
    for v in []:
        pass
    for v in range(0):
        pass
    return v

def mutated_during():
    xs = [1, 2, 3]
    seen = []
    for x in xs:
        seen.append(x)
        if x == 2:
            xs.append(4)
    return seen

def unbound_after_empty():
    for w in ():
        pass
    try:
        return w
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)

print(ranges(10))
print(lists())
print(pair_second_half())
print(other_iterators())
print(empty_keeps_local())
print(mutated_during())
print(unbound_after_empty())
