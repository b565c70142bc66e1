# Crossing 2**63 - 1 by repeated +1 (and +3) inside hot loops.
def main():
    x = 2**63 - 100
    for i in range(200):
        x += 1
        if x >= 2**63 - 2 and x <= 2**63 + 2:
            print(i, x, x - 2**63)
    print(x, type(x).__name__)
    y = 9223372036854775000
    n = 0
    while y < 9223372036854776000:
        y += 3
        n += 1
    print(n, y)


main()
