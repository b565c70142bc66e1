# Branches whose direction changes with different periods (guard failure patterns).
def main():
    a = b = c = d = 0
    for i in range(1000):
        if i % 2:
            a += 1
        if i % 7 == 3:
            b += i
        elif i % 11 == 5:
            b -= i
        if i > 500:
            c += 1
        else:
            c -= 1
        if (i * 37) % 101 < 50:
            d ^= i
    print(a, b, c, d)


main()
