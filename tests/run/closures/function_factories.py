def power(exp):
    def f(base):
        return base ** exp
    f.__name__ = f"power_{exp}"
    return f
square, cube = power(2), power(3)
print(square(5), cube(2), square.__name__, cube.__name__)
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def tag(name):
    def wrap(text):
        return f"<{name}>{text}</{name}>"
    return wrap
bold, italic = tag("b"), tag("i")
print(bold(italic("hi")))
print(square.__closure__[0].cell_contents, cube.__code__.co_freevars)
