# enumerate and zip (uneven lengths, start offsets) in loops.
def main():
    names = ["n%d" % i for i in range(130)]
    vals = list(range(0, 260, 2))
    acc = 0
    for i, (n, v) in enumerate(zip(names, vals), start=10):
        acc += i * v + len(n)
    print(acc)
    z = list(zip(range(5), "abcdefg", [1.5, 2.5, 3.5]))
    print(z)
    for idx, ch in enumerate("abc", -2):
        print(idx, ch)
    total = 0
    for a, b, c in zip(range(100), range(100, 0, -1), range(200, 400, 2)):
        total += a * b - c
    print(total)


main()
