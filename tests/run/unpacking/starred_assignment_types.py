*a, = range(3)
print(a, type(a).__name__)
b, *c = (1, 2, 3)
print(type(c).__name__, c)
*d, e = "xyz"
print(d, e)
f, *g = {10: "a"}
print(f, g)
h, *i = iter([7, 8, 9])
print(h, i)
