# Object constants (str, bytes, tuple, big int, frozenset) loaded inside loop traces,
# kept in locals, stored in lists and carried to exits.
def main():
    out = []
    tags = []
    big = 0
    for i in range(300):
        s = "even" if i % 2 == 0 else "odd"
        t = (1, 2, 3)
        b = b"xy"
        k = 2 ** 70 if i == 150 else 1
        f = frozenset({1, 2})
        if i % 50 == 0:
            out.append(s)
            tags.append((t, b, f))
        if i == 299:
            big = k
        big += 0 if i != 150 else k
    print(out)
    print(tags[:2], len(tags))
    print(big)
    # a constant changing its observed type on the other path
    acc = []
    for i in range(200):
        v = "x" if i < 150 else 7
        if i % 40 == 0 or i > 197:
            acc.append(v)
    print(acc)


def truthiness():
    seqs = [[], [1], (), (0,), "", "a", {}, {1: 2}] * 30
    n = 0
    for s in seqs:
        if s:
            n += 1
        if not s:
            n += 100
    print(n)

    class Weird(list):
        def __len__(self):
            return 0

    seqs = [[1]] * 120 + [Weird([1, 2])] + [[1]] * 20
    n = 0
    for s in seqs:
        if s:
            n += 1
    print(n)


main()
truthiness()
