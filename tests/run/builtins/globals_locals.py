x = 10
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
g = globals()
print(g["x"], "f" in g, g["__name__"], type(g).__name__)
g["created"] = "via globals"
print(created)
def outer():
    v = 1
    def inner():
        return locals()
    return inner()
print(outer())
print(sorted(k for k in globals() if not k.startswith("__")))
