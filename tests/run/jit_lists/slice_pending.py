# A slice assigned to a slice (`xs[a:b] = ys[c:d:e]`) is stored without making the
# slice; any other use of a slice makes it. Exercised: the same range reversed in place,
# other ranges of the same list, another list, a tuple, a str (not stored by the trace),
# extended slices of another length (ValueError), int arithmetic overflowing or raising
# between the slice and the store, and slices used otherwise (stored, len, subscripted).


def mixed(n):
    xs = list(range(8))
    ys = [10, 11, 12]
    t = (20, 21, 22, 23)
    out = []
    for i in range(n):
        k = i % 6
        xs[:k + 1] = xs[k::-1]
        xs[1:3] = xs[5:7]
        xs[k:k + 2] = ys[k % 3:]
        xs[-3:] = t[i % 4 : i % 4 + 3]
        xs[8:] = ys[:0]
        out.append(xs[0] + len(xs))
    return out, xs


def otherwise(n):
    xs = list(range(6))
    out = []
    for i in range(n):
        out.append(len(xs[i % 4 :]) + xs[1:][0] + xs[::-1][0])
        xs[:2] = xs[:][::-1][-2:]
        xs[2:4] = xs[:][2:4]
    return out, xs


def errors(n, big, z):
    xs = list(range(5))
    out = []
    for i in range(n):
        try:
            if i % 4 == 0:
                xs[: big + i] = xs[i % 5 :: -1]
            elif i % 4 == 1:
                xs[::2] = xs[i % 3 :]
            elif i % 4 == 2:
                xs[: 3 // (z + i % 2)] = xs[2::-1]
            else:
                xs[:2] = "ab" if i == 7 else xs[1::-1]
        except (ValueError, ZeroDivisionError) as e:
            out.append(type(e).__name__ + ": " + str(e))
        out.append(list(xs))
    return out


def objects(n):
    xs = [[i] for i in range(5)]
    for i in range(n):
        xs[: i % 5 + 1] = xs[i % 5 :: -1]
        xs[i % 5][0] += 1
    return xs


print(mixed(30))
print(otherwise(20))
for row in errors(16, 2 ** 63 - 3, 0):
    print(row)
print(objects(23))
