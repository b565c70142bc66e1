def g():
    yield next(gen)
gen = g()
try:
    next(gen)
except ValueError as e:
    print(e)
def h():
    gen2.send(None)
    yield 1
gen2 = h()
try:
    next(gen2)
except ValueError as e:
    print(e)
def t():
    try:
        yield 1
    finally:
        gen3.close()
gen3 = t()
next(gen3)
try:
    gen3.close()
    print('closed')
except ValueError as e:
    print(e)
def u():
    gen4.throw(KeyError)
    yield
gen4 = u()
try:
    next(gen4)
except ValueError as e:
    print(e)
