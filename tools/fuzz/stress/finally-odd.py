def f():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
print(f())
def g():
    try:
        raise ValueError
    finally:
        return 'swallowed'
print(g())
def h():
    while True:
        try:
            break
        finally:
            try:
                raise KeyError
            except KeyError:
                pass
    return 'ok'
print(h())
def k():
    try:
        yield 1
    finally:
        yield 2
x = k()
print(next(x))
try:
    x.close()
except RuntimeError as e:
    print(e)
def m():
    with open('/dev/null') as fh:
        return fh
print(m().closed)
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return 5
with CM():
    1 / 0
print('suppressed')
class BadCM:
    def __enter__(self): raise KeyError('enter')
    def __exit__(self, *a): print('never')
try:
    with BadCM():
        pass
except KeyError:
    print('enter failed')
class NoExit:
    def __enter__(self): pass
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
