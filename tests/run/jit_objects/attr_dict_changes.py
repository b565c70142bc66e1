# Instance attributes and method lookups while instance dicts change under a hot loop:
# a dict refilled through __dict__ (same keys in another order), keys added and deleted,
# an attribute shadowing a method, and objects of one class with and without a key of
# their own.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


def walk(ps, n):
    total = 0
    for i in range(n):
        p = ps[i % len(ps)]
        total += p.x + p.y + p.norm()
        if i == 40:
            ps[0].__dict__.clear()
            ps[0].__dict__.update({"y": 5, "x": 6})
        if i == 60:
            vars(ps[1]).update(x=1.5, w=2)
        if i == 80:
            ps[2].z = 9
        if i == 100:
            del ps[2].z
        if i == 120:
            ps[3].norm = lambda: 1000
        if i == 140:
            del ps[3].norm
    return total


ps = [P(i, i + 1) for i in range(5)]
print(walk(ps, 200))
print(list(vars(ps[0]).items()), list(vars(ps[1]).items()))


class Q:
    kind = "q"

    def get(self):
        return self.kind


def kinds(qs, n):
    out = []
    for i in range(n):
        q = qs[i % len(qs)]
        out.append(q.get())
        if i == 30:
            qs[1].kind = "own"
        if i == 50:
            qs[1].__dict__.clear()
        if i == 70:
            Q.kind = "changed"
    return "".join(k[0] for k in out)


print(kinds([Q(), Q(), Q()], 100))
