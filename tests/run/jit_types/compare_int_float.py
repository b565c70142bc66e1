# Mixed int/float comparisons around 2**53 and 2**63 in a loop.
base = 2**53
res = []
for d in range(-3, 4):
    i = base + d
    f = float(base) + d
    res.append((i == f, i < f, i > f, i <= float(i)))
print(res)
big = 2**63
for d in (-1, 0, 1):
    print(big + d == float(big), big + d < float(big), big + d > float(big))
print(10**400 > float("inf"), -10**400 < -float("inf"), 10**400 > 1e308)
cnt = 0
for i in range(300):
    if i < i + 0.5:
        cnt += 1
    if i == float(i):
        cnt += 1
print(cnt)
