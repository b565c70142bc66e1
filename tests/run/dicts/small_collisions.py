# Small dicts (at most 5 keys) whose keys share one hash: the order in which __eq__ is
# called, before and after deletions, growth past 5 keys, popitem and clear, and
# iteration while mutating.

log = []


class K:
    def __init__(self, name, h=7):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        log.append((self.name, getattr(other, "name", other)))
        return isinstance(other, K) and self.name == other.name

    def __repr__(self):
        return self.name


def show(label, d, probe):
    del log[:]
    found = probe in d
    print(label, found, log, list(d))


a, b, c, e, f, g = (K(n) for n in "abcefg")
d = {a: 1, b: 2}
show("two", d, K("b"))
show("absent", d, K("z"))
del d[a]
d[c] = 3
show("after del, re-add", d, K("c"))
show("absent again", d, K("z"))
d[e] = 4
d[f] = 5
d[g] = 6
show("grown", d, K("g"))
d.popitem()
d[K("h")] = 8
show("after popitem", d, K("h"))
d.clear()
d[K("x")] = 1
d[K("y")] = 2
show("after clear", d, K("y"))

# mutation during iteration of a small dict (same size: no error, as CPython)
m = {"a": 1, "b": 2, "c": 3}
seen = []
for k in m:
    seen.append(k)
    if k == "a":
        del m["b"]
        m["d"] = 4
print(seen, m)
try:
    for k in m:
        m["new" + k] = 0
except RuntimeError as err:
    print("RuntimeError", err)

# kwargs dicts and dict displays stay small and ordered
def kw(**kwargs):
    kwargs.pop("y", None)
    kwargs["z"] = 0
    return kwargs


print(kw(x=1, y=2, w=3), kw(), kw(y=1))
print(dict.fromkeys("abcde"), dict.fromkeys("abcdef"))
