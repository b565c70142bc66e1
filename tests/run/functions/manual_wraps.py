def wraps(orig):
    def apply(wrapper):
        wrapper.__name__ = orig.__name__
        wrapper.__qualname__ = orig.__qualname__
        wrapper.__doc__ = orig.__doc__
        wrapper.__wrapped__ = orig
        return wrapper
    return apply
def logged(fn):
    @wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper
@logged
def documented(x):
    """Doubles x."""
    return 2 * x
print(documented(4), documented.__name__, documented.__doc__, documented.__wrapped__(5))
def cache(fn):
    memo = {}
    hits = [0]
    def inner(n):
        if n in memo:
            hits[0] += 1
        else:
            memo[n] = fn(n)
        return memo[n]
    inner.hits = hits
    return inner
@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.hits[0])
def partial(f, *pargs, **pkw):
    def call(*args, **kw):
        return f(*pargs, *args, **{**pkw, **kw})
    return call
p = partial(int, base=2)
print(p("1010"), partial(pow, 2)(10), partial(max, 5)(1, 9))
