a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[::3] = [None] * len(a[::3])
print(a)
a[1:1] = [100, 200]
print(a)
a[-2:] = []
print(a)
del a[::2]
print(a)
b = [0, 1, 2, 3, 4, 5]
b[4:1:-1] = "xyz"
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = [1, 2, 3]
c[:] = c + c
print(c)
c[5:100] = [9]
print(c, c[100:], c[-100:2])
