# staticmethod and classmethod calls through classes and instances in loops.
def main():
    class M:
        base = 3
        @staticmethod
        def sq(x):
            return x * x
        @classmethod
        def scaled(cls, x):
            return cls.base * x

    class N(M):
        base = -1

    s = 0
    for i in range(150):
        obj = M() if i % 2 else N()
        s += M.sq(i) + obj.sq(1) + obj.scaled(i) + N.scaled(1)
    print(s)


main()
