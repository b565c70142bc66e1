def g():
    yield 1
x = g()
print(list(x))
print(x.close(), x.close())
for exc in (ValueError, ValueError('v'), StopIteration, GeneratorExit, KeyboardInterrupt, BaseException):
    try:
        x.throw(exc)
    except BaseException as e:
        print(type(e).__name__, e)
try:
    x.send(5)
except StopIteration as e:
    print('StopIteration', e.value)
y = g()
try:
    y.send(1)
except TypeError as e:
    print(e)
z = g()
try:
    z.throw(ValueError)
except ValueError:
    print('thrown before start')
print(list(z))
try:
    g().throw(1)
except TypeError as e:
    print(e)
try:
    g().throw(ValueError, 1, 2)
except TypeError as e:
    print(e)
def ret():
    return 5
    yield
r = ret()
try:
    next(r)
except StopIteration as e:
    print(e.value)
def stop():
    raise StopIteration
    yield
try:
    next(stop())
except RuntimeError as e:
    print(e)
def ign():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ign()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)
def fin():
    try:
        yield 1
    finally:
        raise KeyError('fin')
f = fin()
next(f)
try:
    f.close()
except KeyError as e:
    print('KeyError', e)
f = fin()
next(f)
del f
print('done')
