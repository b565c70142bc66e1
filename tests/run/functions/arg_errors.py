def f(a, b):
    return a + b
def g(a, b=1, *, c):
    return a
class K:
    def m(self, x):
        return x
calls = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, c=3),
    lambda: f(1, a=2),
    lambda: g(1),
    lambda: g(1, 2, 3),
    lambda: g(1, 2, 3, c=4),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.m(1),
    lambda: (lambda: 0)(1),
    lambda: f(*[1, 2, 3]),
    lambda: f(**{"a": 1, "b": 2, "z": 3}),
    lambda: f(1, **{"b": 2}, **{"b": 3}),
    lambda: len(),
    lambda: len([], []),
    lambda: abs(x=1),
    lambda: f(1, *5),
    lambda: f(**[1]),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
