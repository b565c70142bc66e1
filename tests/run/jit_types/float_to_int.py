# A float accumulator becomes an int when it is replaced by a floor division result.
def main():
    x = 1.5
    for i in range(200):
        if i == 80:
            x = int(x) // 7
        x = x + 1
        if i in (79, 80, 81, 199):
            print(i, type(x).__name__, x)
    y = 10.0
    for i in range(100):
        y = y // 1 if i % 30 == 29 else y + 0.25
    print(y, type(y).__name__)


main()
