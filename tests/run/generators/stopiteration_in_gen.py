def bad():
    yield 1
    raise StopIteration("oops")
try:
    print(list(bad()))
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def running():
    yield next(g)
g = running()
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)
