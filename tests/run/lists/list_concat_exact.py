# `list + list` fast path for two exact lists, and the paths it must leave alone.
a = [1, 2, 3]
b = [4, 5]
c = a + b
print(c, c is a, c is b, a, b)
print([] + [], [] + [7], [8] + [])
idx = [0, 1, 2, 3, 4]
for i in range(5):
    idx[i:] = idx[i + 1:] + idx[i:i + 1]
    print(idx)

class L(list):
    pass

class M(list):
    def __add__(self, other):
        return "M.__add__"
    def __radd__(self, other):
        return "M.__radd__"

r = L([1]) + [2]
print(type(r).__name__, r)
r = [1] + L([2])
print(type(r).__name__, r)
print(M([1]) + [2], [1] + M([2]))

# `+=` stays in place (aliases see it)
x = [1]
y = x
x += [2]
print(x, y, x is y)
x = x + [3]
print(x, y, x is y)
s = [9]
print(s + s)

try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError:", e)

# the nested lists are shared, not copied
inner = [0]
z = [inner] + [inner]
inner.append(1)
print(z, z[0] is z[1])
