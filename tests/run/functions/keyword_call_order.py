def show(**kw):
    return list(kw.items())
print(show(b=1, a=2, c=3))
def f(a, b, c):
    return a, b, c
print(f(c=3, a=1, b=2), f(1, c=3, b=2))
def order(x):
    print("eval", x)
    return x
print(f(order(1), c=order(3), b=order(2)))
d = {"b": 20, "c": 30}
print(f(10, **d), f(*[1], **{"c": 3, "b": 2}))
