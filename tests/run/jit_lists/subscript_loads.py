# List and tuple subscripts inside hot loops (recorded by the trace JIT): element types
# that change mid-loop, negative and out-of-range indexes, containers rebound mid-loop.


def dot(a, b, n):
    total = 0.0
    for i in range(n):
        total += a[i] * b[i]
    return total


def int_sum(a):
    s = 0
    for i in range(len(a)):
        s += a[i]
    return s


def mixed(a):
    # floats, then an int, a bool, None and a str at the end
    out = []
    total = 0.0
    for i in range(len(a)):
        x = a[i]
        if x is None:
            out.append("none@%d" % i)
            continue
        if isinstance(x, str):
            out.append("str@%d" % i)
            continue
        total += x
    return total, out


def negative(a, n):
    s = 0
    for i in range(n):
        s += a[i - 5]
    return s


def out_of_range(a, n):
    s = 0
    try:
        for i in range(n):
            s += a[i]
    except IndexError as e:
        return s, "IndexError", str(e)
    return s, "done"


def out_of_range_inside(a, n):
    s = 0
    misses = 0
    for i in range(n):
        try:
            s += a[i]
        except IndexError:
            misses += 1
    return s, misses


def tuples(t, n):
    s = 0.0
    for i in range(n):
        s += t[i % 3] * t[i % len(t)]
    return s


def rebound(n):
    a = [1.5] * n
    s = 0.0
    for i in range(n):
        s += a[i]
        if i == n // 2:
            a = (2.5,) * n
        if i == 3 * n // 4:
            a = {j: 10.0 for j in range(n)}
    return s


def nested(m, n):
    s = 0
    for i in range(n):
        s += m[i % 4][i % 3]
    return s


def bools_and_none(a):
    c = 0
    for i in range(len(a)):
        if a[i]:
            c += 1
    return c


class MyList(list):
    def __getitem__(self, i):
        return 100 + list.__getitem__(self, i)


def subclass(a, n):
    s = 0
    for i in range(n):
        s += a[i]
    return s


def main():
    n = 300
    a = [((i * 7) % 101) / 101.0 for i in range(n)]
    b = [((i * 13) % 89) / 89.0 - 0.5 for i in range(n)]
    print(dot(a, b, n))
    print(dot(a, a, n))
    print(int_sum(list(range(n))))
    big = list(range(n))
    big[n - 10] = 2**70
    print(int_sum(big))
    m = [float(i) for i in range(n)]
    m[150] = 7
    m[200] = True
    m[250] = None
    m[260] = "s"
    print(mixed(m))
    print(negative(list(range(n)), n))
    print(out_of_range(list(range(n)), n + 50))
    print(out_of_range_inside(list(range(n)), n + 50))
    print(tuples((1.0, 2.0, 3.0, 4.0, 5.0), n))
    print(rebound(n))
    grid = [[i * 3 + j for j in range(3)] for i in range(4)]
    print(nested(grid, n))
    print(nested([(1, 2, 3), [4, 5, 6], (7, 8, 9), [10, 11, 12]], n))
    print(bools_and_none([True, False, 1, 0, 2.0, 0.0] * 50 + [None] * 20))
    print(subclass(MyList(range(n)), n))
    print(subclass(list(range(n)), n))


main()
