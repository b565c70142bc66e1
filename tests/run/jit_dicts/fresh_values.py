# Objects made in the loop stored into a dict (the dict takes the reference), then read back.


class P:
    def __init__(self, x):
        self.x = x


def fill(n):
    d = {}
    for i in range(n):
        d[i % 13] = P(i)
        d[100 + i % 3] = [i, i + 1]
        d[("t0", "t1", "t2", "t3")[i % 4]] = (i, "s")
        p = d[i % 13]
        if p.x != i:
            print("bad", i)
    return sorted((k, v.x) for k, v in d.items() if isinstance(k, int) and k < 100), d[101], d["t2"]


def cells_step(ps):
    cells = {}
    pairs = 0
    for p in ps:
        key = p.x % 17
        if key in cells:
            other = cells[key]
            pairs += other.x
        else:
            cells[key] = p
    return pairs, len(cells)


print(fill(300))
ps = [P(i * 7) for i in range(400)]
print(cells_step(ps))
print(cells_step(ps[::-1]))
