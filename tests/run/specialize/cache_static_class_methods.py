class S:
    A = 1
    @staticmethod
    def st(x): return x + 1
    @classmethod
    def cm(cls, x): return (cls.__name__, x)
    def f(self): return 5
class T(S):
    pass
r = []
for i in range(30):
    r.append((S.A, T.A, S.st(i), T.cm(i), S.f(None)))
    if i == 10: S.A = 7
    if i == 20: T.A = 9
    if i == 25:
        S.st = staticmethod(lambda x: -x)
print(r[0], r[15], r[22], r[29])
print(S.__module__, T.__qualname__, S.__doc__)
