# Objects as list elements inside traced loops: loaded (the trace holds object words),
# compared by identity, carried in locals across iterations (a linked list walk), and
# handed back to the interpreter at every exit (strings, tuples, big ints, instances).


class Box:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Box(%r)" % (self.v,)


def walk(node, n):
    # node = [value, next]: the loop replaces its only reference to the current cell
    total = 0
    steps = 0
    for _ in range(n):
        total += node[0]
        nxt = node[1]
        if nxt is None:
            break
        node = nxt
        steps += 1
    return total, steps, node[0]


def same_as_first(xs, n):
    first = xs[0]
    c = 0
    for i in range(n):
        if xs[i] is first:
            c += 1
    return c


def pick(xs, n):
    last = xs[0]
    for i in range(n):
        last = xs[i]
    return last


def grid_sum(rows, n):
    s = 0.0
    for i in range(n):
        row = rows[i % len(rows)]
        s += row[i % 3]
    return s


def mixed_objects(xs):
    found = []
    for i in range(len(xs)):
        x = xs[i]
        if x is None:
            found.append(i)
    return found


def main():
    node = None
    for v in range(400):
        node = [v, node]
    print(walk(node, 1000))
    print(walk(node, 100))
    s = "shared"
    xs = [s, "other", s] * 100
    print(same_as_first(xs, len(xs)))
    print(pick(["a", "b", (1, 2), 2**80, Box(3)] * 60, 300))
    print(pick([Box(i) for i in range(300)], 300))
    rows = [[1.0, 2.0, 3.0], (4.0, 5.0, 6.0), [7.0, 8.0, 9.0]]
    print(grid_sum(rows, 300))
    print(mixed_objects(["a", None, 2**70, None, (), Box(1)] * 50)[-3:])


main()
