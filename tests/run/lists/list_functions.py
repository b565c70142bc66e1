a = [4, 2, 8, 6]
print(len(a), sum(a), max(a), min(a), sorted(a), list(reversed(a)), any(a), all(a))
print(list(map(str, a)), list(filter(lambda x: x > 3, a)), list(zip(a, "abcd")))
print(list(enumerate(a, 1)), [x * 2 for x in a], a.__len__(), a.__contains__(8))
print(list(), list([]), list({1: 2}), list("ab"), list(range(2, 10, 3)), list(x for x in "hi"))
def reduce(f, xs, acc):
    for x in xs:
        acc = f(acc, x)
    return acc
print(reduce(lambda x, y: x + y, a, 0), reduce(lambda x, y: x * y, a, 1))
