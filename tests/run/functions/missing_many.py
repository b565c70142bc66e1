def f(a, b, c, d):
    pass
def g(*, x, y, z):
    pass
for call in [lambda: f(), lambda: f(1), lambda: f(1, 2), lambda: g(), lambda: g(x=1), lambda: g(1)]:
    try:
        call()
    except TypeError as e:
        print(e)
def h(a, b=1, /, c=2, *, d, e=3):
    pass
for call in [lambda: h(), lambda: h(1, 2, 3, 4), lambda: h(1, d=1, f=2), lambda: h(1, 2, 3, 4, 5, d=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
