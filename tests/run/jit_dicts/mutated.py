# A dict changed by calls inside the loop, values of every type, `in` on a changing dict.


def poke(d, i):
    if i % 17 == 0:
        d.clear()
    elif i % 5 == 0:
        d.pop(i % 4, None)
    else:
        for j in range(i % 3):
            d[1000 + i + j] = j


def churn(n):
    d = {0: 0, 1: 1, 2: 2, 3: 3}
    found = 0
    for i in range(n):
        k = i % 4
        if k in d:
            found += 1
            d[k] = d[k] + 1
        else:
            d[k] = 0
        poke(d, i)
    return found, len(d), sorted(d.items())[:6]


class Box:
    pass


def kinds(n):
    b = Box()
    vals = [None, True, False, 7, 2.5, "s", (1, 2), [3], b, 2 ** 80, -0.0]
    d = {}
    out = []
    for i in range(n):
        k = i % len(vals)
        d[k] = vals[(i * 3) % len(vals)]
        v = d[k]
        out.append(type(v).__name__)
    return out[-11:], d[8] is b or d[8]


def shrinking(n):
    d = {}
    for i in range(n):
        d[i] = str(i)
    hits = 0
    for i in range(n):
        if i in d:
            hits += 1
            del d[(i * 7) % n]
    return hits, len(d)


print(churn(300))
print(kinds(220))
print(shrinking(200))
