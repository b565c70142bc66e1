# Closures with nonlocal state, called from hot loops.
def main():
    def make_counter(start):
        n = start
        def inc(step=1):
            nonlocal n
            n += step
            return n
        return inc

    c1 = make_counter(0)
    c2 = make_counter(2**63 - 50)
    for i in range(100):
        c1()
        c2(1)
    print(c1(0), c2(0))

    def adders():
        fs = []
        for i in range(5):
            fs.append(lambda x, i=i: x + i)
        return fs

    print([f(100) for f in adders()])


main()
