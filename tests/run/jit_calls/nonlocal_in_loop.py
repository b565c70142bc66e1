# Inner functions updating enclosing locals with nonlocal inside loops.
def main():
    def outer(n):
        total = 0
        count = 0
        def add(v):
            nonlocal total, count
            total += v
            count += 1
        for i in range(n):
            add(i if i < n // 2 else i * 1.5)
        return total, count

    print(outer(150), outer(0))

    def make():
        x = 1
        def dbl():
            nonlocal x
            x *= 2
            return x
        return dbl

    d = make()
    for i in range(70):
        r = d()
    print(r, r > 2**63)


main()
