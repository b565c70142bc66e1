# len() in traced loops: lists, tuples, strs and dicts whose length changes (or not)
# inside the loop; len rebound as a global or shadowed in builtins while the loop is hot;
# len of a subclass overriding __len__.
import builtins


def lengths(n):
    xs = []
    t = (1, 2, 3)
    s = "héllo"
    d = {"a": 1}
    acc = 0
    for i in range(n):
        xs.append(i)
        if i % 100 == 0:
            t = t + (i,)
            s = s + "x"
            d[i] = i
        acc += len(xs) + len(t) + len(s) + len(d)
    return acc


print(lengths(1000))


def invariant(xs, n):
    acc = 0
    for i in range(n):
        acc += len(xs)
    return acc


print(invariant([1, 2, 3], 1000), invariant((1, 2), 1000), invariant("abc", 1000), invariant({1: 2}, 1000))


class Long(list):
    def __len__(self):
        return 99


print(invariant(Long([1]), 500))


def switch_types(n):
    items = [[1, 2], "abcd", (1,), {1: 1, 2: 2, 3: 3}, Long(), range(7)]
    acc = 0
    for k in range(len(items)):
        x = items[k]
        for i in range(n):
            acc += len(x)
    return acc


print(switch_types(300))


def rebinding(n):
    global len
    acc = 0
    xs = [1, 2, 3]
    for i in range(n):
        acc += len(xs)
        if i == n // 2:
            len = lambda x: 1000
    del len
    return acc


print(rebinding(400))
print(len([1, 2]))


def shadow_builtin(n):
    real = builtins.len
    acc = 0
    xs = [1, 2, 3]
    for i in range(n):
        acc += len(xs)
        if i == n // 2:
            builtins.len = lambda x: -5
    builtins.len = real
    return acc


print(shadow_builtin(400))
print(len("abc"))


def len_error(n):
    acc = 0
    vals = [[1], [2, 2], 5]
    for i in range(n):
        try:
            acc += len(vals[i % 3])
        except TypeError as e:
            acc += 100
    return acc


print(len_error(300))
