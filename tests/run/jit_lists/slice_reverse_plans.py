# In-place reversals of a list's prefix by a slice of itself (bm_fannkuch's
# `perm[:k + 1] = perm[k::-1]`) mixed with stores that are not in place, empty ranges,
# other lists of the same length and stores that change the length, in one loop.


def flips(p):
    n = 0
    while p[0]:
        top = p[0]
        p[:top + 1] = p[top::-1]
        n += 1
    return n


def mixed(n):
    a = list(range(n))
    b = list(range(n, 2 * n))
    out = []
    for i in range(60):
        k = i % n
        if i % 7 == 3:
            a[:k + 1] = b[k::-1]          # another list: copied, not in place
        elif i % 11 == 5:
            a[:0] = a[0:0:-1]             # empty range
        elif i % 13 == 6:
            a[:k] = a[k::-1]              # different lengths: the list grows
            a = a[:n]
        elif i % 5 == 4:
            b[:k + 1] = b[k::-1]          # the other list, in place
        else:
            a[:k + 1] = a[k::-1]
        out.append(sum(a[j] * (j + 1) for j in range(len(a))) % 1000)
    return out, a, b


print([flips([(j + n // 2) % n for j in range(n)]) for n in range(1, 9)])
total = 0
for start in range(40):
    p = [(start * 7 + j * 3) % 9 for j in range(9)]
    seen = sorted(set(p))
    if len(seen) == 9:
        total += flips(p)
    else:
        q = list(range(9))
        q[0], q[start % 9] = q[start % 9], q[0]
        total += flips(q)
print(total)
print(mixed(6))
print(mixed(9))
