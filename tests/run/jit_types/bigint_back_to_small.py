# A big int shrinks back into the small range by subtraction and division.
def main():
    x = 2**100
    for i in range(120):
        x //= 2
        if x < 2**64 and x > 2**60:
            print(i, x)
    print(x, type(x).__name__)
    y = 2**64 + 5
    for i in range(10):
        y -= 2**61
        print(y, y > 2**63 - 1)


main()
