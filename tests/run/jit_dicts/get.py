# d.get(k) and d.get(k, default) in loops (wordcount's `counts.get(w, 0) + 1`).


def count(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def lookups(d, n):
    hits = 0
    nones = 0
    for i in range(n):
        v = d.get(i % 9)
        if v is None:
            nones += 1
        else:
            hits += v
    return hits, nones


class D(dict):
    def get(self, k, default=None):
        return "sub"


def sub_get(d, n):
    out = []
    for i in range(n):
        out.append(d.get(i % 3, -1))
    return out[-4:]


words = [w.lower() for w in ["A", "b", "C", "a", "B", "a"] * 50]
print(sorted(count(words).items()))
print(lookups({0: 5, 3: 7, 4: 1.5, 8: "x" == "y"}, 300))
print(sub_get({0: 1, 1: 2}, 100), sub_get(D(), 100))
d = {1: "one"}
for i in range(200):
    d.get(i)
    d.get("s", [])
print(d.get(1), d.get(2, "two"), d.get(1.0))
