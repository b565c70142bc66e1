# A function's code object is one object: the same on every access, shared with the
# enclosing code's constants, with closures made from the same code, and with generators.


def outer():
    def inner():
        return 1

    return inner


print(outer.__code__ is outer.__code__)
c = outer.__code__
print(c is outer.__code__, c.co_name, type(c).__name__)

a = outer()
b = outer()
print(a is b, a.__code__ is b.__code__)
print(any(k is a.__code__ for k in outer.__code__.co_consts))
print([k.co_name for k in outer.__code__.co_consts if type(k) is type(c)])


def gen():
    yield 1


g = gen()
print(g.gi_code is gen.__code__)
print(len({id(outer.__code__) for _ in range(5)}))
lam = lambda: 0
print(lam.__code__ is lam.__code__, lam.__code__.co_name)
