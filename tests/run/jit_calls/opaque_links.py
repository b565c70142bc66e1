# Opaque calls in loop traces entered through links (nested loops, side traces going back
# into their loop): the call is then left to the interpreter; `[attr, NULL, args]` calls
# (a module's function without a translation), object locals handed over by a link.
import math


class Row:
    def __init__(self, xs):
        self.xs = xs

    def total(self, scale=1):
        return sum(self.xs) * scale


def nested(m):
    t = 0
    for i in range(len(m)):
        row = m[i]
        for j in range(3):
            t += row.total() + math.floor(j / 2)
            if j == i % 3:
                t += len(str(row.xs))
    return t


def branches(n):
    rows = [Row([i, i + 1]) for i in range(n)]
    t = 0.0
    for i in range(n):
        r = rows[i]
        if i % 3 == 0:
            t += r.total(2)
        else:
            t += math.sqrt(r.total())
        t += math.floor(i / 3)
    return t


print(nested([Row([k, k * 2]) for k in range(12)]))
print(branches(40))
