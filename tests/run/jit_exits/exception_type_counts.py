# Several exception types raised from the same site, counted per type.
def main():
    def op(i):
        k = i % 6
        if k == 0:
            return 1 // (i - i)
        if k == 1:
            return [][i]
        if k == 2:
            return {}[i]
        if k == 3:
            return int("x%d" % i)
        if k == 4:
            return None + i
        return i

    counts = {}
    total = 0
    for i in range(300):
        try:
            total += op(i)
        except (ZeroDivisionError, IndexError, KeyError, ValueError, TypeError) as e:
            n = type(e).__name__
            counts[n] = counts.get(n, 0) + 1
    print(total, counts)


main()
