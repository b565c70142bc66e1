# One function, one '+' site, argument types changing every few dozen calls.
def main():
    def add(a, b):
        return a + b

    res = []
    for i in range(200):
        if i < 50:
            r = add(i, i)
        elif i < 100:
            r = add(i * 0.5, 1)
        elif i < 150:
            r = add(str(i), "x")
        else:
            r = add([i], [0])
        if i % 49 == 0:
            res.append(r)
    print(res)
    print(add(2**62, 2**62), add(-2**62, -2**62 - 1), add(True, True), add((1,), (2,)))


main()
