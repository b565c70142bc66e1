x = "global x"
def outer():
    x = "enclosing x"
    def inner():
        x = "local x"
        return x
    def inner2():
        return x
    return inner(), inner2()
print(outer(), x)
def uses_builtin():
    return len("abc")
print(uses_builtin())
len = lambda s: "shadowed"
print(len("abc"), uses_builtin())
del len
print(len("abc"))
