# << and >> with small, big and negative operands; shift counts crossing 63.
def main():
    out = []
    for n in range(0, 130, 3):
        out.append((1 << n) >> (n // 2))
    print(out[-5:])
    print([(-1 << n) for n in (0, 1, 62, 63, 64, 65)])
    print([(-5 >> n) for n in (0, 1, 2, 3, 63, 64, 200)])
    print([(2**63 - 1) >> n for n in (0, 1, 62, 63, 64)])
    x = 1
    for i in range(100):
        x = (x << 1) | (i & 1)
    print(x.bit_length(), x & 0xFFFF)
    for bad in (-1, -100):
        try:
            1 << bad
        except ValueError as e:
            print("ValueError", e)
        try:
            1 >> bad
        except ValueError as e:
            print("ValueError", e)


main()
