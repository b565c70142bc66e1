def f(a, b, /, c, *, d):
    return (a, b, c, d)
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
def h(*, key=None):
    return key
print(h(), h(key="k"))
def p(a=1, /, b=2):
    return a, b
print(p(), p(5), p(5, 6), p(b=9))
for call in [lambda: f(1, 2, 3, 4), lambda: f(a=1, b=2, c=3, d=4), lambda: f(1, 2, 3),
             lambda: h(1), lambda: p(a=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
