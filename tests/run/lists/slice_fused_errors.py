# Slices with int/None bounds on exact lists, tuples and strs (fused slice instructions),
# including errors raised by the store and a traceback pointing at it.
a = list(range(10))
print(a[2:5], a[::-1], a[8:2:-2], a[-3:], a[:-7], a[::3])
t = tuple(a)
print(t[1:4], t[::-2])
s = "hello world"
print(s[::-1], s[3:8], s[-5:])
b = a[:]
b[2:5] = "xy"
print(b)
b[::2] = range(len(b[::2]))
print(b)
b[:] = b
print(b)
b[1:1] = [100, 200]
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    b[::0] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    b[1:3] = 5
except TypeError as e:
    print("TypeError:", e)


class L(list):
    def __getitem__(self, k):
        return ("L", k)


print(L([1, 2, 3])[0:2])


def f(x):
    x[::3] = [0]


f(list(range(9)))
