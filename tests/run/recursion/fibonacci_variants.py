def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])
memo = {}
def fib_m(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib_m(n - 1) + fib_m(n - 2)
    memo[n] = r
    return r
print(fib_m(300))
