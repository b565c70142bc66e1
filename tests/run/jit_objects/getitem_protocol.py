# Classes implementing __getitem__/__len__/__contains__ used by loops.
def main():
    class Squares:
        def __init__(self, n):
            self.n = n
        def __len__(self):
            return self.n
        def __getitem__(self, i):
            if i >= self.n:
                raise IndexError(i)
            return i * i

    sq = Squares(130)
    s = 0
    for v in sq:
        s += v
    print(s, len(sq), 144 in sq, 145 in sq, list(Squares(5)))

    class Grid:
        def __getitem__(self, key):
            r, c = key
            return r * 10 + c
    g = Grid()
    print(sum(g[r, c] for r in range(10) for c in range(10)))


main()
