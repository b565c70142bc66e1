vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 2**53, -2**53, 2**53+1, 2**62, -2**63, 2**63-1, 10**18]
fl = [0.0, -0.0, 1.5, -2.25, 1e308, float('inf'), float('nan'), 3.0]
out = []
import builtins
for a in vals:
    for b in vals:
        for op in ('+', '-', '*', '&', '|', '^', '//', '%', '/'):
            try:
                out.append(repr(eval(f"({a}) {op} ({b})")))
            except Exception as e:
                out.append(type(e).__name__ + str(e))
def f(a, b):
    r = []
    for fn in (lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b):
        try: r.append(repr(fn(a, b)))
        except Exception as e: r.append(type(e).__name__ + str(e))
    return r
def g(a, b):
    r = []
    for fn in (lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a & b, lambda a, b: a | b, lambda a, b: a ^ b, lambda a, b: a // b, lambda a, b: a % b, lambda a, b: a / b):
        try: r.append(repr(fn(a, b)))
        except Exception as e: r.append(type(e).__name__ + str(e))
    return r
for a in vals:
    for b in vals:
        out.extend(g(a, b))
for a in vals + fl:
    for b in fl:
        out.extend(f(a, b)); out.extend(f(b, a))
print(len(out)); print(out)
print(out[:50])
x = 5; x //= 2; y = -7; y %= 3; z = 7; z /= 2
print(x, y, z, True + 1, True / 2)
