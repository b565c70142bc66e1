# bools used as ints in arithmetic, and ints used as conditions.
def main():
    c = 0
    t = True
    for i in range(200):
        c += (i % 3 == 0)
        c += t * 2
        if i == 100:
            t = False
        c -= (i > 150) + (i > 190)
    print(c, type(c).__name__)
    b = True
    for i in range(100):
        b = b + True if i < 50 else b - True
    print(b, type(b).__name__)
    x = True & 1, True | False, True ^ True, -True, ~True, True << 3, True / 2, True // 2
    print(x)
    print(sum([True] * 133), max(False, 0), min(True, 1), True == 1.0)


main()
