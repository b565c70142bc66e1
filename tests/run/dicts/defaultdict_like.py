class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for w in "the cat and the hat and the bat".split():
    c[w] += 1
print(c, c["nothing"], len(c))
print(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
class AutoList(dict):
    def __missing__(self, key):
        self[key] = []
        return self[key]
g = AutoList()
for k, v in [(1, "a"), (2, "b"), (1, "c")]:
    g[k].append(v)
print(g, g.get(3), 3 in g)
