def f(a, b=2, *args, c, **kw):
    """doc"""
    x = 1
    return x
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_name)
f.custom = "attr"
print(f.custom, callable(f), f.__module__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer.__qualname__)
class C:
    def m(self):
        pass
print(C.m.__qualname__, C().m.__name__, C().m.__func__ is C.m)
