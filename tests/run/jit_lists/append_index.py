# Appending to the list a traced loop is indexing or iterating: each append may move the
# items (reallocation), so the length and the items address must be read again after it
# (never hoisted out of the loop or reused across the append).


def self_extend(n):
    xs = [1.0]
    for i in range(n):
        xs.append(xs[i] * 0.5 + 1.0)
    return xs


def index_after_append(n):
    xs = [0]
    t = 0
    for i in range(n):
        xs.append(i)
        t += xs[i + 1] + len(xs)
        t += xs[len(xs) - 1]
    return t, len(xs)


def alias(n):
    xs = [1, 2, 3]
    ys = xs
    t = 0
    for i in range(n):
        ys.append(i)
        t += xs[i] + len(xs)
    return t, len(xs), xs is ys


def other_list(n):
    # appends to one list, reads another: still correct (conservatively re-read)
    src = [k * 2 for k in range(n)]
    dst = []
    t = 0
    for i in range(n):
        t += src[i]
        dst.append(src[i] + 1)
    return t, dst[:5], len(dst)


def iterate_growing(limit):
    xs = [1, 2, 3]
    seen = 0
    for x in xs:
        seen += x
        if len(xs) < limit:
            xs.append(x + 1)
    return seen, len(xs), xs[-3:]


def fib_list(n):
    xs = [0, 1]
    for i in range(2, n):
        xs.append(xs[i - 1] + xs[i - 2])
    return xs[-1], len(xs)


def negative_index(n):
    xs = [0.5]
    for i in range(n):
        xs.append(xs[-1] + 1.0)
    return xs[-1], len(xs)


print(self_extend(3000)[-3:], len(self_extend(3000)))
print(index_after_append(2000))
print(alias(2000))
print(other_list(1000))
print(iterate_growing(2000))
print(fib_list(90))
print(negative_index(500))
