class E(Exception):
    def __str__(self): raise ValueError('no str')
try:
    raise E()
except E as e:
    try:
        print(str(e))
    except ValueError as v:
        print(v)
class R(Exception):
    def __repr__(self): return 1
try:
    print(repr(R()))
except TypeError as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise ValueError from 5
except TypeError as e:
    print(e)
try:
    raise StopIteration
except StopIteration:
    print('si')
class Bad(BaseException):
    def __init__(self, *a): raise KeyError('init')
try:
    raise Bad
except KeyError as e:
    print('KeyError', e)
try:
    try:
        raise ValueError
    finally:
        raise TypeError
except TypeError as e:
    print(type(e.__context__).__name__)
def f():
    try:
        return 1
    finally:
        return 2
print(f())
def g():
    for i in range(3):
        try:
            continue
        finally:
            break
    return i
print(g())
e = ValueError(); e.__traceback__ = None; e.args = (1, 2, [3])
print(e)
try:
    e.__traceback__ = 5
except TypeError as x:
    print(x)
try:
    e.__cause__ = 5
except TypeError as x:
    print(x)
try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print('vg', eg.exceptions)
except* TypeError as eg:
    print('tg', eg.exceptions)
