# Dict counting with str keys in a loop (wordcount's pattern), `in` with str keys.


def count(words):
    counts = {}
    for w in words:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    return counts


def lookups(counts, words):
    total = 0
    for w in words:
        total += counts[w]
    return total


base = ["alpha", "beta", "gamma", "delta", "alpha", "beta", "alpha"]
words = [w.upper().lower() for w in base * 60]  # fresh str objects (no interned identity)
c = count(words)
print(sorted(c.items()))
print(lookups(c, words))
# a str key built in the loop
d = {}
for i in range(200):
    k = "k" + str(i % 13)
    d[k] = d[k] + i if k in d else i
print(sorted(d.items()))
# int and str keys mixed in one dict
m = {}
for i in range(150):
    m[i % 5] = i
    m[str(i % 5)] = -i
print(sorted(m.items(), key=repr))
