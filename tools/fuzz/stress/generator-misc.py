def g():
    x = yield
    while True:
        x = yield x
a = g(); next(a)
print(a.send(1), a.send([2]))
print(a.gi_running, a.gi_frame is not None if hasattr(a, 'gi_frame') else 'nf')
def sub():
    yield 1
    return 2
def outer():
    r = yield from sub()
    yield r
print(list(outer()))
def thrower():
    yield from iter([1, 2])
t = thrower(); next(t)
try:
    t.throw(IndexError('x'))
except IndexError as e:
    print('IndexError', e)
def gg():
    yield from gg2
gg2 = gg()
try:
    next(gg2)
except ValueError as e:
    print(e)
ge = (x for x in range(3))
print(next(ge), list(ge), list(ge))
ge = (1/x for x in [1, 0, 2])
try:
    print(list(ge))
except ZeroDivisionError as e:
    print(e)
print(list(ge))
async def co(): return 1
c = co()
try:
    c.send(None)
except StopIteration as e:
    print('co', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
