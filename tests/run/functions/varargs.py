def f(*args):
    return args
def g(a, *rest):
    return a, rest
def h(**kw):
    return kw
def all_(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(), f(1), f(1, 2, 3), g(1), g(1, 2, 3))
print(h(), h(x=1, y=2))
print(all_(1, c=3), all_(1, 2, 3, 4, c=5, e=6), all_(*[1, 2, 3], **{"c": 0, "z": 9}))
args = (1, 2)
kwargs = {"sep": "-"}
print(*args, **kwargs)
print(f(*"ab", *[1], 2), h(**{"a": 1}, b=2, **{"c": 3}))
