def a(x):
    return b(x) + 1
def b(x):
    return c(x) * 2
def c(x):
    return d(x)
def d(x):
    return {"k": 1}[x]
print(a("k"))
print(a("missing"))
