def f():
    a = 1
    loc = locals()
    loc["a"] = 99
    return a
print(f())
def g(n):
    if n > 0:
        result = "positive"
    return locals()
print(g(1), g(0))
def h():
    x = 1
    def inner():
        return "x" in locals()
    return inner()
print(h())
