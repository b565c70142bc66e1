# divmod on ints (small and big, all signs) and floats in a loop.
def main():
    out = []
    for a in (-17, -1, 0, 1, 17, 2**64 + 3, -2**64 - 3):
        for b in (-5, 3, 2**65):
            out.append(divmod(a, b))
    print(out)
    s = 0
    for i in range(-100, 100):
        q, r = divmod(i, 7)
        s += q * 7 + r - i
    print(s)
    print(divmod(-7.5, 2), divmod(7.5, -2), divmod(0.0, 3))


main()
