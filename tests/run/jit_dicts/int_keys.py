# Dict `in`, subscripts and stores with int keys in a loop (JIT: record/dict.rs).


def bins(n):
    cells = {}
    hits = 0
    for i in range(n):
        key = (i * 7919) % 37
        if key in cells:
            other = cells[key]
            hits += other
            cells[key] = other + 1
        else:
            cells[key] = 1
    return hits, len(cells), sorted(cells.items())[:5]


def not_in(n):
    seen = {}
    fresh = 0
    for i in range(n):
        k = i % 11
        if k not in seen:
            fresh += 1
            seen[k] = None
    return fresh, list(seen)


def growing(n):
    d = {}
    for i in range(n):
        d[i * 3] = i
        d[-i] = float(i)
    total = 0
    for i in range(n):
        total += d[i * 3]
    return len(d), total, d[-5], d[0]


def negative_and_big_keys():
    d = {-1: "a", 2 ** 62: "b", -2 ** 63: "c", 0: "z"}
    out = []
    for k in [-1, 2 ** 62, -2 ** 63, 0, -1, 0] * 10:
        out.append(d[k])
    return "".join(out)


print(bins(500))
print(not_in(300))
print(growing(400))
print(negative_and_big_keys())
