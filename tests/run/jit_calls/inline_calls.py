# Plain Python functions called from hot loops (inlined into traces), with exits inside
# the callees: int overflow into big ints, ZeroDivisionError, type changes, rebinding.
K = 10

def a_elem(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def sq(x):
    return x * x

def poly(x):
    return sq(x) + sq(x + 1) - K

def deep(x):
    return poly(x) + poly(-x)

def spectral_row(i, n):
    total = 0.0
    for j in range(n):
        total += a_elem(i, j)
    return total

print(spectral_row(0, 100), spectral_row(7, 1000))

def sums(n, start):
    s = 0
    t = 0
    for i in range(n):
        s += poly(start + i)
        t += deep(i)
    return s, t

print(sums(100, 0))
print(sums(100, 3 * 10**9))      # sq overflows 64 bits inside the callee
print(sums(50, 2**40))

def ratio(a, b):
    return a // b + a % b

def ratios(n, d0):
    t = 0
    for i in range(n):
        t += ratio(1000 + i, d0 - i)
    return t

print(ratios(20, 100))
try:
    print(ratios(40, 30))         # d0 - i reaches 0 inside the callee
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def halve(x):
    return x / 2

def mixed(n):
    t = 0
    out = []
    for i in range(n):
        v = i if i < 25 else i * 1.0    # the callee's argument type changes
        t += halve(v)
        out.append(sq(v))
    return t, out[-3:]

print(mixed(50))

def step(x):
    return x + 1

def counting(n):
    c = 0
    for i in range(n):
        c = step(c)
    return c

print(counting(60))
def step(x):
    return x + 100
print(counting(60))

def rebinder(n):
    global step
    c = 0
    for i in range(n):
        c = step(c)
        if i == 20:
            step = lambda x: x - 1
    return c

print(rebinder(40))
K = -5
print(sums(10, 1))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def facts(n):
    t = 0
    for i in range(n):
        t += fact(i % 8)
    return t

print(facts(100))

def with_default(x, y=3):
    return x * y

def defaults(n):
    t = 0
    for i in range(n):
        t += with_default(i) + with_default(i, 2) + with_default(x=i)
    return t

print(defaults(50))

def nested_loop_callee(n):
    t = 0
    for i in range(n):
        t += i
    return t

def calls_looping(n):
    t = 0
    for i in range(n):
        t += nested_loop_callee(i % 5)
    return t

print(calls_looping(100))
