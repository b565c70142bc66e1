# Properties with getters and setters read and written in a hot loop.
def main():
    class Temp:
        def __init__(self):
            self._c = 0.0
            self.sets = 0
        @property
        def c(self):
            return self._c
        @c.setter
        def c(self, v):
            self.sets += 1
            self._c = v
        @property
        def f(self):
            return self._c * 9 / 5 + 32

    t = Temp()
    acc = 0.0
    for i in range(200):
        t.c = i - 40 if i < 100 else (i - 40) / 2
        acc += t.f
    print(round(acc, 6), t.sets, t.c)


main()
