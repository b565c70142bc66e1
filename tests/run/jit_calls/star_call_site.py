# Argument unpacking at call sites (*list, **dict) with changing lengths.
def f(a, b=0, c=0, *rest, d=5):
    return a + b + c + len(rest) + d

tot = 0
for i in range(150):
    args = list(range(1, i % 7 + 1))
    tot += f(*args, **({"d": i} if i % 2 else {}))
print(tot)
print(f(*range(10)), f(1, *[2], *(3, 4)), f(**{"a": 1, "c": 2}))
