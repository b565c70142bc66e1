def f():
    x = 1
    def g():
        nonlocal x
        del x
        return x
    return g
try:
    f()()
except NameError as e:
    print(e)
def h():
    print(y)
    y = 1
try:
    h()
except UnboundLocalError as e:
    print(e)
class C:
    x = 1
    l = [x for _ in range(2)] if False else None
    def m(self): return __class__
print(C().m().__name__)
def k():
    del k2
k2 = 1
try:
    k()
except UnboundLocalError as e:
    print(e)
exec('del undefined_name_q') if False else None
try:
    exec('del undefined_name_q')
except NameError as e:
    print(e)
def gen():
    x = yield
    return locals()
g = gen(); next(g)
try:
    g.send(5)
except StopIteration as e:
    print(e.value)
print([(lambda: i)() for i in range(3)])
l = lambda: (yield)
print(type(l()).__name__)
