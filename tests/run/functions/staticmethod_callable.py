# staticmethod objects are callable since Python 3.10
def f(*a, **k):
    return (len(a), sorted(k))

sm = staticmethod(f)
print(sm(1, 2))
print(sm(x=1))
print(sm.__func__ is f)

class C:
    g = staticmethod(f)
    table = {"h": staticmethod(lambda x: x * 2)}

print(C.g(1), C().g(1, 2, y=3))
print(C.table["h"](21))
try:
    staticmethod(5)()
except TypeError as e:
    print("TypeError:", e)
