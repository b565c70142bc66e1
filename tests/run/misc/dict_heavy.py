d = {}
for i in range(100000):
    d[i] = i * 2
for i in range(0, 100000, 2):
    del d[i]
print(len(d), d[99999], sum(d.values()) % 1000003)
s = {}
for i in range(20000):
    s[str(i)] = i
print(len(s), s["12345"], list(s)[:5], list(s)[-3:])
keys = list(d)
print(keys[:5], keys[-2:])
