# Decorated functions (wrappers counting calls) called from a hot loop.
def main():
    def counted(fn):
        def wrapper(*args, **kw):
            wrapper.calls += 1
            return fn(*args, **kw)
        wrapper.calls = 0
        wrapper.__name__ = fn.__name__
        return wrapper

    @counted
    def sq(x):
        return x * x

    @counted
    def add(a, b=1):
        return a + b

    s = 0
    for i in range(180):
        s += sq(i) + add(i, b=i)
    print(s, sq.calls, add.calls, sq.__name__)


main()
