# Collatz lengths: an inner while loop with data-dependent trip count and big values.
def main():
    best = (0, 0)
    for n in range(1, 400):
        x = n
        steps = 0
        while x != 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            steps += 1
        if steps > best[1]:
            best = (n, steps)
    print(best)
    x = 2**64 + 1
    steps = 0
    while x != 1:
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        steps += 1
    print(steps)


main()
