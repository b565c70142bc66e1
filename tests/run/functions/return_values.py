def none():
    pass
def multi():
    return 1, "two", [3]
def early(x):
    if x < 0:
        return "neg"
    if x == 0:
        return
    return "pos"
print(none(), multi(), early(-1), early(0), early(5))
a, b, c = multi()
print(a, b, c)
def gen_like():
    return (i for i in range(3))
print(list(gen_like()))
def nested(x):
    for i in range(10):
        while True:
            if i == x:
                return i * 100
            break
    return -1
print(nested(3), nested(20))
