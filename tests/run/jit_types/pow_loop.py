# ** with int results that grow past 64 bits, negative exponents giving floats.
def main():
    out = []
    for e in range(0, 80, 9):
        out.append(3 ** e)
    print(out)
    print([2 ** -k for k in range(5)])
    print([(-2) ** k for k in range(60, 66)])
    s = 0
    for i in range(150):
        s += (i % 7) ** (i % 5)
    print(s)
    print(pow(3, 200, 1000007), pow(-3, 3), 0 ** 0, 0.0 ** 0, (-8) ** (1 / 3) == (-8) ** (1 / 3))
    try:
        0 ** -1
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


main()
