def f(a, b, c, d):
    return a + b + c + d
args = [1, 2]
print(f(*args, 3, 4), f(*args, *args), f(1, *range(2, 4), d=5), f(**{"a": 1, "b": 1, "c": 1, "d": 1}))
print(*[1, 2], *"xy", sep="|")
print(max(*[3, 8, 1]), "{}-{}".format(*"ab"), list(map(lambda *xs: sum(xs), [1, 2], [3, 4])))
