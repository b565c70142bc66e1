def count_calls(fn):
    calls = 0
    def wrapper(*a):
        nonlocal calls
        calls += 1
        wrapper.calls = calls
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def work(x):
    return x * 2
print(work(1), work(2), work(3), work.calls)
def memo(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    return inner
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), len(fib.cache))
