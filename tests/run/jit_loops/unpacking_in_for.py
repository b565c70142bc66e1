# Tuple and star unpacking as loop targets.
rows = [(i, i * 2, i * 3, i * 4) for i in range(120)]
a_sum = d_sum = mid_len = 0
for a, *mid, d in rows:
    a_sum += a
    d_sum += d
    mid_len += len(mid)
print(a_sum, d_sum, mid_len)
pairs = {(i, str(i)): [i] for i in range(50)}
t = 0
for (n, s), [v] in pairs.items():
    t += n + len(s) + v
print(t)
try:
    for x, y in [(1, 2), (3, 4, 5)]:
        pass
except ValueError as e:
    print("ValueError", e)
