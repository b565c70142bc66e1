def square(x):
    return x * x
def cube(x):
    return x ** 3
ops = {"sq": square, "cube": cube, "neg": lambda x: -x}
for name, fn in ops.items():
    print(name, fn(3))
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
print(compose(square, cube)(2), compose()(7), compose(str, abs)(-4))
funcs = [square, cube]
print([f(2) for f in funcs], list(map(square, range(4))))
print(square == square, square != cube, sorted([3, 1, 2], key=ops["neg"]))
