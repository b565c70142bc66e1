# print() writes the items before the one whose str() raises (CPython writes piece by piece)
class Bad:
    def __str__(self):
        raise ValueError("no str")


try:
    print("a", 1, Bad(), "never")
except ValueError as e:
    print()
    print("caught", e)
try:
    print(-454, 10 ** 5000)
except ValueError as e:
    print()
    print("caught", type(e).__name__)
print("x", Bad(), sep="--")
