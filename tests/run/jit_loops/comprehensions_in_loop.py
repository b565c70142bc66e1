# Comprehensions evaluated inside a hot loop (their own frames and loops).
def main():
    tot = 0
    for n in range(120):
        sq = [i * i for i in range(n % 10)]
        ev = {i: i % 3 for i in range(n % 7)}
        st = {i % 5 for i in range(n % 11)}
        tot += sum(sq) + sum(ev.values()) + len(st)
    print(tot)
    grid = [[(r, c) for c in range(3)] for r in range(3)]
    print(grid[2])
    print([x for x in range(200) if x % 17 == 0 if x % 2 == 0])


main()
