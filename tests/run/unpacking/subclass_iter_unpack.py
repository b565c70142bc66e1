# Unpacking a list or tuple subclass goes through its __iter__ override.
class L(list):
    def __iter__(self):
        return iter([9, 9])


class T(tuple):
    def __iter__(self):
        return iter(["x", "y"])


a, b = L([1, 2])
print(a, b)
c, d = T((3, 4))
print(c, d)
e, f = [5, 6]
print(e, f)
g, h = (7, 8)
print(g, h)
first, *rest = L([1, 2, 3])
print(first, rest)
try:
    p, q, r = L([1, 2, 3])
except ValueError as exc:
    print("ValueError:", exc)
