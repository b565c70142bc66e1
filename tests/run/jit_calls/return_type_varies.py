# A callee that returns int, float, str, None or a tuple depending on the call.
def main():
    def pick(i):
        k = i % 5
        if k == 0:
            return i
        if k == 1:
            return i / 2
        if k == 2:
            return str(i)
        if k == 3:
            return None
        return (i, i)

    tally = {}
    num = 0
    for i in range(250):
        r = pick(i)
        t = type(r).__name__
        tally[t] = tally.get(t, 0) + 1
        if isinstance(r, (int, float)):
            num += r
    print(tally, num)


main()
