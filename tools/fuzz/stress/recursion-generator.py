def g():
    yield from g()
try:
    next(g())
except RecursionError:
    print('RecursionError')
def h(n):
    for x in h(n + 1):
        yield x
try:
    list(h(0))
except RecursionError:
    print('RecursionError')
