def bsearch(xs, t):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == t:
            return mid
        if xs[mid] < t:
            lo = mid + 1
        else:
            hi = mid - 1
    return -(lo + 1)
xs = list(range(0, 100, 3))
print([bsearch(xs, t) for t in (0, 3, 50, 51, 99, 100, -1)])
def insort(ys, v):
    pos = -(bsearch(ys, v) + 1) if bsearch(ys, v) < 0 else bsearch(ys, v)
    ys.insert(pos, v)
ys = [1, 5, 9]
insort(ys, 6)
insort(ys, 0)
insort(ys, 10)
print(ys)
