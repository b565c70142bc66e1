# Negative subscripts in hot loops: xs[-1], xs[-k] with k varying, tuples, stores through
# a negative index, an index that changes sign mid-loop, one that runs off the front
# (IndexError caught in the loop), and a list subclass.


def last_sums(rows, n):
    total = 0
    for i in range(n):
        r = rows[i % len(rows)]
        total += r[-1] - r[-2]
    return total


print(last_sums([[1, 2, 3], [4, 5], [6, 7, 8, 9]], 300))


def rotate_reads(xs, n):
    out = 0
    for i in range(n):
        k = i % len(xs) + 1
        out = out * 3 % 1000003 + xs[-k]
    return out


print(rotate_reads([5, 7, 11, 13, 17], 500))
print(rotate_reads((2.5, 1.5, 0.5), 200))


def stores(n):
    xs = [0] * 6
    for i in range(n):
        xs[-(i % 6) - 1] += i
        xs[-1] = xs[-1] % 97
    return xs


print(stores(400))


def sign_change(xs, n):
    acc = []
    for i in range(n):
        acc.append(xs[i - 50])
    return sum(acc), acc[:3], acc[-3:]


print(sign_change(list(range(100)), 100))


def off_the_front(xs, n):
    caught = 0
    total = 0
    for i in range(n):
        try:
            total += xs[-(i % 8) - 1]
        except IndexError as e:
            caught += 1
            last = str(e)
    return total, caught, last


print(off_the_front([1, 2, 3, 4, 5], 200))
print(off_the_front((1, 2, 3, 4, 5), 200))


class L(list):
    pass


class G(list):
    def __getitem__(self, k):
        return ("g", k)


def sub_reads(xs, n):
    out = []
    for i in range(n):
        out.append(xs[-1 - i % 2])
    return out[:4], len(out)


print(sub_reads(L([1, 2, 3]), 100))
print(sub_reads(G([1, 2, 3]), 100))


def mixed(xs, n):
    t = 0
    for i in range(n):
        v = xs[-1]
        t += v if isinstance(v, int) else 1
        if i == 60:
            xs.append(2.5)
        if i == 80:
            xs.append(None)
    return t


print(mixed([1, 2, 3], 120))
