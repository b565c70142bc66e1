# range objects with start/stop/step at the edges of i64 (and beyond, where taipan
# switches to a big-int range): length, indexing, slicing, reversing, iterating,
# containment, index/count, equality and hashing.
E = [0, 1, -1, 3, -3, 2**62, -2**62, 2**63 - 2, 2**63 - 1, 2**63, -2**63 + 1, -2**63, -2**63 - 1, 2**64, -2**64]
S = [1, -1, 2, -2, 2**62, -2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1]
def first(it, n=3):
    return [x for _, x in zip(range(n), it)]
n = 0
out = []
for a in E:
    for b in E:
        for c in S:
            r = range(a, b, c)
            for f in (len, lambda r: r[0], lambda r: r[-1], lambda r: r[len(r) // 2] if len(r) else 0,
                      lambda r: r[::-1], lambda r: r[1:-1:2], lambda r: r[::c], lambda r: r[a:b:c], lambda r: r[-2**63:2**63:3],
                      lambda r: first(iter(r)), lambda r: first(reversed(r)), lambda r: list(r[:3]), lambda r: list(r[-3:]),
                      lambda r: a in r, lambda r: (b - c) in r, lambda r: r.index(a), lambda r: r.count(a + c),
                      lambda r: r == range(a, b, c), hash, bool, repr, lambda r: r.start + r.stop + r.step,
                      lambda r: sum(first(r, 5)), lambda r: max(first(r, 4), default=0), lambda r: sorted(first(r))[:1],
                      lambda r: r[len(r) - 1] if len(r) else 0, lambda r: r[-len(r)] if len(r) else 0):
                try:
                    v = f(r)
                    out.append(type(v).__name__)
                except (ValueError, OverflowError, IndexError, TypeError, MemoryError, ZeroDivisionError, AttributeError):
                    out.append('E')
                n += 1
print('done', n, len(out))
