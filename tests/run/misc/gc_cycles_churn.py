# Cycle collection while tracked objects are created and freed in arbitrary order
# (exercises the collector's tracking table: untracking from the middle, reuse of slots).
import gc

gc.disable()
gc.collect()


def pair_cycles(n):
    for i in range(n):
        a = []
        b = [a, i]
        a.append(b)


pair_cycles(1000)
print("pairs", gc.collect())
print("nothing left", gc.collect())

# many live containers, freed from the middle in a scattered order, then cycles among
# the survivors
live = [[i] for i in range(5000)]
for k in range(0, 5000, 3):
    live[k] = None
for k in range(4999, 0, -7):
    live[k] = None
survivors = [x for x in live if x is not None]
print("survivors", len(survivors))
for x, y in zip(survivors, survivors[1:]):
    x.append(y)
survivors[-1].append(survivors[0])
del live
print("alive ring", gc.collect())
del x, y
del survivors
print("ring", gc.collect())

# dict and tuple cycles, self-references
for i in range(200):
    d = {"i": i}
    d["self"] = d
    t = ([d],)
    t[0].append(t)
del d, t
print("dicts and tuples", gc.collect())


# instances (counts differ between implementations for instance dicts: compare > 0)
class Node:
    def __init__(self, v):
        self.v = v
        self.next = self


for i in range(300):
    Node(i)
print("instances", gc.collect() > 0)

# automatic collections with the collector on: a long loop of garbage cycles mixed with
# acyclic garbage and a growing live set
gc.enable()
keep = []
for i in range(60000):
    a = [i]
    a.append(a)
    s = {"k": [i, (i,)]}
    if i % 10 == 0:
        keep.append(s)
print("kept", len(keep), sum(len(s["k"]) for s in keep))
gc.collect()
print("after", gc.collect())
print(gc.isenabled())
