import sys
print(sys.exc_info())
try:
    raise IndexError("idx")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
    print(repr(sys.exception()) if hasattr(sys, "exception") else "no sys.exception")
print(sys.exc_info())
def inner():
    return sys.exc_info()[0]
try:
    raise KeyError
except KeyError:
    print(inner().__name__)
