def integrate(f, a, b, n=1000):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h
print(round(integrate(lambda x: x * x, 0, 1), 6))
print(round(integrate(lambda x: 1 / x, 1, 2), 6))
def newton_sqrt(v, eps=1e-12):
    x = v
    while abs(x * x - v) > eps * v:
        x = (x + v / x) / 2
    return x
print([round(newton_sqrt(v), 10) for v in (2, 10, 1e6)])
