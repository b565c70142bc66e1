# A specialized class call presizes the new instance's dict for the attributes its
# instances had; instances that get more (or fewer) attributes, deletions and vars()
# behave as for any dict.


class P:
    def __init__(self, x, y, extra=0):
        self.x = x
        self.y = y
        for i in range(extra):
            setattr(self, "a%d" % i, i * x)


ps = [P(i, -i) for i in range(12)]
print(vars(ps[-1]))
big = [P(i, i, extra=k) for i, k in zip(range(12), [0, 1, 3, 4, 5, 7, 9, 0, 2, 12, 1, 6])]
for p in big:
    print(sorted(vars(p).items())[:4], len(vars(p)))
q = big[9]
del q.x
del q.a3
q.z = "z"
print(list(vars(q))[:6], len(vars(q)), hasattr(q, "x"), q.z, q.a11)


class Empty:
    def __init__(self):
        pass


es = [Empty() for _ in range(12)]
es[-1].late = 1
print(vars(es[0]), vars(es[-1]))
