# Slices made and dropped in each iteration of a loop trace (bm_fannkuch's flip loop
# `perm[:k + 1] = perm[k::-1]`): the helper reuses a list the trace released, so a slice
# that is kept (appended, aliased, returned) must stay intact, and a reused list must not
# show a previous slice's items. Equal-length stores copy in place; others resize.


def flips(perm):
    count = 0
    k = perm[0]
    while k:
        perm[:k + 1] = perm[k::-1]
        count += 1
        k = perm[0]
    return count, perm


def kept(n):
    xs = list(range(n))
    out = []
    for i in range(3 * n):
        s = xs[i % n:]
        t = xs[::-1]
        if i % 5 == 0:
            out.append(s)
        u = t[: i % 4]
        xs[:2] = u[:2] if len(u) >= 2 else xs[:2]
        out.append(len(t) + len(u))
    return out, xs


def resize(n):
    xs = list(range(6))
    for i in range(n):
        xs[1:3] = xs[i % 4 : i % 4 + i % 3]
        if len(xs) > 12:
            xs[:] = xs[:6]
        xs[-2:] = xs[:2]
        xs[:0] = xs[5:3:-1]
        del xs[6:]
    return xs


def same(n):
    xs = list(range(8))
    for i in range(n):
        xs[:4] = xs[:4]
        xs[2:6] = xs
        xs[:] = tuple(xs[::-1])
        xs[::2] = xs[1::2]
        xs[1:] = xs[:7]
    return xs


def objects(n):
    xs = [[i] for i in range(6)]
    for i in range(n):
        xs[: i % 6] = xs[i % 6 :: -1][: i % 6]
        xs[0] = [i]
    return xs


def appended(n):
    xs = list(range(5))
    out = []
    for i in range(n):
        out.append(xs[i % 5 :])
        xs[:3] = xs[2::-1]
        out.append(xs[::2])
    return out


def kept_at_links(src, rounds):
    saved = []
    for r in range(rounds):
        perm = src[:]
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            k = perm[0]
        if r % 4 == 0:
            saved.append(perm)
        src[:2] = src[1::-1]
        if r % 3 == 2:
            src[2:5] = src[4:1:-1]
    return saved, perm, src


for p in ([3, 1, 4, 0, 2], [8, 3, 6, 1, 0, 7, 2, 5, 4], [0, 1], [5, 4, 3, 2, 1, 0]):
    print(flips(list(p)))
print(kept(9))
print(resize(50))
print(same(30))
print(objects(40))
print(appended(12))
print(kept_at_links([3, 1, 4, 0, 2, 5], 40))
