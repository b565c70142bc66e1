# Stores into lists inside hot loops: element type changes, objects overwritten, aliasing
# (the same list on both sides), negative and out-of-range indexes, tuples (TypeError).


def saxpy(alpha, x, y, n):
    for i in range(n):
        y[i] = alpha * x[i] + y[i]


def vector_add(a, b, c, n):
    for i in range(n):
        c[i] = a[i] + b[i]


def shift(a, n):
    for i in range(1, n):
        a[i] = a[i - 1]


def prefix(a, n):
    for i in range(1, n):
        a[i] = a[i] + a[i - 1]


def overwrite_objects(a, n):
    for i in range(n):
        a[i] = i * 2


def store_kinds(a, n):
    for i in range(n):
        if i % 4 == 0:
            a[i] = None
        elif i % 4 == 1:
            a[i] = True
        elif i % 4 == 2:
            a[i] = i
        else:
            a[i] = i / 2


def store_negative(a, n):
    for i in range(n):
        a[i - 3] = i


def store_out_of_range(a, n):
    try:
        for i in range(n):
            a[i] = -i
    except IndexError as e:
        return "IndexError: " + str(e)
    return "done"


def store_tuple(t, n):
    try:
        for i in range(n):
            t[i] = 0
    except TypeError as e:
        return "TypeError: " + str(e)


def matmul(a, b, n):
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        row_a = a[i]
        row_c = c[i]
        for k in range(n):
            aik = row_a[k]
            row_b = b[k]
            for j in range(n):
                row_c[j] += aik * row_b[j]
    return c


class Rec(list):
    def __setitem__(self, i, v):
        list.__setitem__(self, i, v * 10)


def main():
    n = 300
    x = [i / 7.0 for i in range(n)]
    y = [i / 3.0 for i in range(n)]
    saxpy(2.5, x, y, n)
    print(y[0], y[1], y[n - 1], sum(y))
    saxpy(2, x, x, n)
    print(x[5], sum(x))
    a = [float(i) for i in range(n)]
    b = [i * 1.5 for i in range(n)]
    c = [0.0] * n
    vector_add(a, b, c, n)
    print(c[0], c[n - 1], sum(c))
    vector_add(a, a, a, n)
    print(a[7], sum(a))
    s = list(range(n))
    shift(s, n)
    print(s[:3], s[-3:])
    p = [1] * n
    prefix(p, n)
    print(p[:5], p[-1])
    pf = [1.0] * n
    pf[100] = 2
    prefix(pf, n)
    print(pf[99], pf[100], pf[-1])
    objs = ["x%d" % i for i in range(n)]
    objs[::2] = [0] * (n // 2)
    overwrite_objects(objs, n)
    print(objs[:4], objs[-1])
    k = [0.5] * n
    store_kinds(k, n)
    print(k[:8], k[-4:])
    neg = [0] * n
    store_negative(neg, n)
    print(neg[:4], neg[-4:])
    print(store_out_of_range([0] * n, n + 20))
    print(store_tuple((1, 2, 3), n))
    r = Rec([0] * n)
    saxpy(1, list(range(n)), r, n)
    print(r[:4], r[-1])
    m = 12
    ma = [[float(i * m + j) for j in range(m)] for i in range(m)]
    mb = [[float((i + j) % 5) for j in range(m)] for i in range(m)]
    mc = matmul(ma, mb, m)
    print(mc[0][:3], mc[m - 1][-1], sum(sum(row) for row in mc))


main()
