# Recursion about 500 deep (below the default limit), repeated in a loop.
def main():
    def depth(n):
        if n == 0:
            return 0
        return 1 + depth(n - 1)

    def sum_to(n, acc=0):
        if n == 0:
            return acc
        return sum_to(n - 1, acc + n)

    total = 0
    for rep in range(20):
        total += depth(500) + sum_to(450)
    print(total)

    def build(n):
        return [] if n == 0 else [n, build(n - 1)]

    x = build(400)
    d = 0
    while x:
        d += 1
        x = x[1]
    print(d)


main()
