# Errors while a builtin consumes a generator: raised inside the generator (with the
# generator frame in the traceback), unhashable values, PEP 479, the generator left
# suspended after a consumer's own error.
def boom(n):
    for i in range(n):
        yield i
    raise ValueError("boom at %d" % n)

for make in (list, tuple, set, frozenset):
    try:
        make(boom(3))
    except ValueError as e:
        print(make.__name__, e)

def unhashable():
    yield 1
    yield [2]
    print("resumed after unhashable")
    yield 3

g = unhashable()
try:
    set(g)
except TypeError as e:
    print("TypeError", e)
print(g.gi_running, g.gi_frame is not None, list(g))

def stops():
    yield 1
    raise StopIteration("inner")

try:
    tuple(stops())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__)

def running():
    yield gen.gi_running
    yield list(gen)

gen = running()
try:
    print(list(gen))
except ValueError as e:
    print("ValueError", e)

def inner():
    yield 1
    1 / 0

def middle():
    yield from inner()

def consume():
    return set(x for x in middle())

consume()
