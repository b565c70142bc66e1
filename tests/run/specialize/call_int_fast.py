# int(x) with an int/float/str argument takes a fast path; subclasses, keywords,
# bases, errors and rebinding take the generic one with CPython's messages.
import builtins


class MyInt(int):
    pass


class MyStr(str):
    def __int__(self):
        return 99


class HasInt:
    def __int__(self):
        return 5


def conv(items):
    return [int(x) for x in items]


vals = [3, -7, 2.9, -2.9, 1e20, " 12 ", "-0", "1_000", True, MyInt(4), MyStr("8"),
        HasInt(), 10**30, b"17"]
for _ in range(20):
    r = conv(vals)
print(r)
print(type(int(MyInt(4))).__name__, type(int(True)).__name__)

for bad in ["x", "1.5", "", float("inf"), float("nan"), None, [1]]:
    try:
        print(int(bad))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

print(int("ff", 16), int("0x1f", 0), int("11", base=2), int())
for call in [lambda: int(x=1.5), lambda: int(x="1", base=10), lambda: int(1, 2, 3),
             lambda: int(y=2), lambda: int(5, base=10), lambda: int("5", bas=3)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

int = float
print(conv([1, "2"]))
del int
orig = builtins.int
builtins.int = str
print(conv([1, 2.5]))
builtins.int = orig
print(conv([1, 2.5]))
