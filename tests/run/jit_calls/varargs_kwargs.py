# *args / **kwargs collection and forwarding inside loops.
def main():
    def collect(*args, **kw):
        return len(args) + len(kw), sum(args) + sum(kw.values())

    def forward(*a, **k):
        return collect(*a, **k)

    tot = 0
    for i in range(150):
        args = tuple(range(i % 6))
        kw = {"k%d" % j: j for j in range(i % 4)}
        n, s = forward(*args, **kw)
        tot += n * 1000 + s
    print(tot)
    print(collect(), collect(1, 2, a=3), forward(*[1] * 10, **{"z": 2.5}))


main()
