# Generators created and exhausted inside a hot loop.
def main():
    def countdown(n):
        while n > 0:
            yield n
            n -= 1

    total = 0
    for i in range(120):
        for v in countdown(i % 10):
            total += v
    print(total)

    def pairs(n):
        for i in range(n):
            yield i, i * i

    print(sum(a * b for a, b in pairs(150)))
    gen = countdown(3)
    print(next(gen), next(gen), next(gen), next(gen, "done"))


main()
