def f(a: int, b: "str" = "x", *args: float, c: bool = True, **kw: dict) -> list:
    return [a, b]
print(f(1), f.__annotations__)
x: int = 5
y: list
print(x, __annotations__)
class C:
    attr: str = "v"
    other: int
print(C.attr, C.__annotations__)
def g(x: undefined_is_fine_in_string if False else int):
    return x
print(g(3))
