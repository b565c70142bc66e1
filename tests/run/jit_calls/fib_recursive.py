# Naive recursive fib, plus fib values crossing 64 bits iteratively.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print([fib(n) for n in range(20)])
a, b = 0, 1
for i in range(100):
    a, b = b, a + b
    if i in (90, 91, 92, 93, 99):
        print(i, a, a > 2**63 - 1)
