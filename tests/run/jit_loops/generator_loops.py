# for loops driven by generators, including one that changes its yield type.
def main():
    def gen(n):
        for i in range(n):
            if i < n // 2:
                yield i
            else:
                yield i * 0.5

    s = 0
    for v in gen(200):
        s += v
    print(s)

    def chunks(seq, k):
        buf = []
        for x in seq:
            buf.append(x)
            if len(buf) == k:
                yield buf
                buf = []
        if buf:
            yield buf

    print([sum(c) for c in chunks(range(103), 10)])
    g = (i * i for i in range(150) if i % 7 == 3)
    print(sum(g), list(g))


main()
