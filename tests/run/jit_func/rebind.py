# Function traces: a global the trace calls is rebound inside the recursion.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def other(n):
    return 1000


calls = 0


def fib2(n):
    global calls, fib2
    calls += 1
    if calls == 500:
        fib2 = other
    if n < 2:
        return n
    return fib2(n - 1) + fib2(n - 2)


for i in range(50):
    fib(10)
print(fib(15))
real_fib = fib
fib = other
print(real_fib(15))
fib = real_fib
print(fib(15))
print(fib2(15), calls)


def g(n):
    if n == 0:
        return h(0)
    return g(n - 1) + 1


def h(x):
    return x + 1


for i in range(300):
    g(5)


def h(x):
    return "h" + str(x)


try:
    print(g(5))
except TypeError as e:
    print("TypeError", e)
