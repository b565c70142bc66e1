def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("handling, re-raising")
        raise
try:
    f()
except ValueError as e:
    print("outer caught", e)
def g():
    try:
        raise KeyError("first")
    except KeyError as e:
        err = e
    raise err
try:
    g()
except KeyError as e:
    print("re-raised stored", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
