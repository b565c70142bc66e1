def f():
    """Function doc."""
    return 1
class C:
    """Class doc."""
    def m(self):
        "method doc"
print(f.__doc__)
print(C.__doc__)
print(C.m.__doc__)
def g():
    x = 1
    """not a doc"""
print(g.__doc__)
print(f.__name__, C.__name__, C.m.__name__, C.m.__qualname__)
