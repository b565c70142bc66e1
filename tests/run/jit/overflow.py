# Int overflow inside a compiled loop: the 64-bit result does not fit, the trace exits and
# the interpreter continues with big ints (the same loop then keeps running interpreted or
# is re-entered while the values fit).


def powers(base, n):
    i = 0
    x = 1
    while i < n:
        x = x * base
        i += 1
    return x


def fib(n):
    a = 0
    b = 1
    i = 0
    while i < n:
        a, b = b, a + b
        i += 1
    return a


def add_until(limit):
    x = 2**62
    step = 2**60
    n = 0
    while n < limit:
        x = x + step
        n += 1
    return x


def negative(n):
    x = -1
    i = 0
    while i < n:
        x = x * 3 - 1
        i += 1
    return x


def shrink(n):
    x = 3**80
    i = 0
    while x > 1000:
        x = x // 7
        i += 1
    return x, i


print(powers(2, 62), powers(2, 63), powers(2, 64), powers(2, 200))
print(powers(-2, 63), powers(-2, 64), powers(3, 150))
print(fib(90), fib(93), fib(300))
print(add_until(10), add_until(200))
print(negative(30), negative(100))
print(shrink(0))
total = 0
for k in range(300):
    total += powers(3, k % 50)
print(total)
