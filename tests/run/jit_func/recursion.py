# Function traces: recursion (fib, ackermann-like, mutual recursion), results of
# several types, argument types changing mid-run.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def half(x):
    if x < 1:
        return x
    return half(x / 2) + 0.5


def nothing(n):
    if n == 0:
        return None
    return nothing(n - 1)


def big(n):
    if n == 0:
        return 1
    return big(n - 1) * 1000


def add(a, b):
    return a + b


print(fib(18))
print(ack(2, 3))
print(is_even(50), is_odd(51), is_even(7))
print(half(1000.0))
print(nothing(30))
print(big(10))
print(big(2))
for i in range(300):
    add(i, 1)
print(add(2, 3), add(2.5, 1), add("a", "b"), add([1], [2]), add(2**70, 1))
print(fib(20.0))
