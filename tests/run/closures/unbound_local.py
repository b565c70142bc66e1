x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def g():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    y = 1
    return inner()
print(g())
def h():
    del z
try:
    h()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
