# Lists mutated while a traced subscript loop runs: on a path the trace did not record
# (append, clear, del, slice assignment, rebinding to a non-list), after which the trace's
# bounds and type guards must send the loop back to the interpreter at the right element.


def grow(a, n):
    s = 0
    for i in range(n):
        s += a[i]
        if i == 150:
            a.append(1000)
            a.append(2000)
    return s, len(a)


def shrink(a, n):
    s = 0
    try:
        for i in range(n):
            s += a[i]
            if i == 200:
                a.clear()
    except IndexError as e:
        return s, "IndexError", str(e)
    return s


def delete(a, n):
    s = 0
    hits = 0
    for i in range(n):
        try:
            s += a[i]
        except IndexError:
            hits += 1
        if i % 50 == 49:
            del a[0]
    return s, hits


def replace_slice(a, n):
    s = 0.0
    for i in range(n):
        s += a[i]
        if i == 100:
            a[:] = [0.25] * (n // 2) + ["tail"] * (n // 2)
            break
    for i in range(n // 2):
        s += a[i]
    return s, a[n - 1]


def rebind(n):
    a = [1] * n
    s = 0
    for i in range(n):
        s += a[i]
        if i == 100:
            a = (3,) * n
        if i == 101:
            a = [2] * n
        if i == 200:
            a = range(10, 10 + n)
    return s


def store_then_read(a, n):
    for i in range(n):
        a[i] = a[i] * 2
        if i == 120:
            a.insert(0, -1)
    return a[:3], a[-3:], len(a)


def swap_lists(a, b, n):
    s = 0
    for i in range(n):
        s += a[i] - b[i]
        if i % 100 == 99:
            a, b = b, a
    return s


def main():
    n = 300
    print(grow(list(range(n)), n + 2))
    print(shrink(list(range(n)), n))
    print(delete(list(range(n)), n))
    print(replace_slice([1.0] * n, n))
    print(rebind(n))
    print(store_then_read(list(range(n)), n))
    print(swap_lists(list(range(n)), [1] * n, n))


main()
