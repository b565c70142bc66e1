class Rec:
    def __getitem__(self, k):
        return k
r = Rec()
print(r[1], r[1:2], r[::3], r[1, 2:3], r[...], r[:, None], r["k"])
s = r[1:10:2]
print(type(s).__name__, s.start, s.stop, s.step, s.indices(5))
