# Object stores into list items in loop traces (`xs[i] = obj`, `xs[i] = None` over an
# object): the replaced objects are only reachable through the list, the loop reads the
# items it stored, and more stores than the deferred drops hold in one run.


class P:
    def __init__(self, i):
        self.x = i

    def __repr__(self):
        return "P(%d)" % self.x


def main():
    n = 8
    points = [None] * n
    made = [P(i) for i in range(n * 2)]
    total = 0
    for i in range(3000):
        j = i % n
        old = points[j]
        if old is not None:
            total += old.x
        points[j] = made[(i * 7) % (2 * n)]
        if i % 11 == 0:
            points[(j + 3) % n] = None
    print(total, points)

    # the only reference to each stored object is the list item it replaces
    grid = [P(-1) for _ in range(4)]
    keep = []
    for i in range(20000):
        grid[i % 4] = grid[(i + 1) % 4]
        if i % 1000 == 0:
            keep.append(grid[0].x)
    print(keep[:5], [p.x for p in grid])

    # swap two items through the stack
    xs = [P(1), P(2), P(3)]
    for i in range(300):
        xs[0], xs[2] = xs[2], xs[0]
    print(xs)


main()
