# The exception being handled inside a generator is its own (CPython's gi_exc_state):
# it is saved at a yield inside an except block and restored on resume, and the caller's
# is back as soon as the generator yields, returns or raises.
import sys


def name():
    t = sys.exc_info()[0]
    return None if t is None else t.__name__


def g():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield 1
        print("inside again:", name())
        yield 2
    print("after handler:", name())
    yield 3


it = g()
print(next(it))
print("outside:", name())
try:
    raise KeyError("k")
except KeyError:
    print(next(it))
    print("handler:", name())
print(list(it))
print("end:", name())


def h():
    print("h sees:", name())
    yield 1
    print("h sees after:", name())


try:
    raise TypeError
except TypeError:
    x = h()
    next(x)
next(x, None)


# a thrown exception gets the generator's handled exception as __context__
def k():
    try:
        raise ValueError("own")
    except ValueError:
        yield 1


gk = k()
next(gk)
try:
    gk.throw(IndexError("thrown"))
except IndexError as e:
    print("context:", repr(e.__context__))
print("after throw:", name())


# an exception raised by the generator while the caller handles one
def m():
    yield 1
    raise RuntimeError("boom")


gm = m()
next(gm)
try:
    raise OSError("outer")
except OSError:
    try:
        next(gm)
    except RuntimeError as e:
        print("boom context:", repr(e.__context__))
    print("still:", name())


# nested generators: the inner one sees the outer generator's handled exception
def inner():
    print("inner sees:", name())
    yield "i"
    print("inner resumed sees:", name())


def outer():
    try:
        raise LookupError
    except LookupError:
        yield from inner()
    print("outer after:", name())
    yield "o"


print(list(outer()))
print(name())


# generator expressions consumed by builtins while an exception is handled
try:
    raise ZeroDivisionError
except ZeroDivisionError:
    print(list(name() for _ in range(2)))
    print(sorted({name() for _ in range(2)}))
