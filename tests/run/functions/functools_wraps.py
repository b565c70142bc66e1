import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper
@logged
def documented(x):
    """Doubles x."""
    return 2 * x
print(documented(4), documented.__name__, documented.__doc__, documented.__wrapped__(5))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
p = functools.partial(int, base=2)
print(p("1010"), functools.partial(pow, 2)(10))
