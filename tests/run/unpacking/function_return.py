def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, avg = stats([3, 1, 4, 1, 5])
print(lo, hi, avg)
def divmod_pair(a, b):
    return a // b, a % b
q, r = divmod_pair(17, 5)
print(q, r)
res = stats([2, 8])
print(res, type(res).__name__)
(mn, mx), extra = stats([1, 2, 3])[:2], "x"
print(mn, mx, extra)
