# Multiplication overflows the 64-bit range partway through a loop.
def main():
    p = 1
    for i in range(1, 130):
        p *= 3
        if i in (39, 40, 41, 42, 80, 129):
            print(i, p.bit_length(), p % 1000003)
    q = -1
    for i in range(70):
        q *= 2
        if i >= 61:
            print(i, q)
    r = 3037000499
    for i in range(3):
        print(r * r, (r + 1) * (r + 1), -r * (r + 1))
        r += 1


main()
