def f():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
try:
    f()
except KeyError as e:
    print("caught", repr(e), "context", repr(e.__context__))
def g():
    try:
        return 1
    finally:
        print("finally before return")
print(g())
def h():
    try:
        try:
            raise ValueError("a")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer except", e)
    finally:
        print("outer finally")
h()
