x = 10
result = [x for x in range(3)]
print(result, x)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        factor = 10
        scaled = [v * factor for v in vals]
    except NameError as e:
        err = str(e)
print(C.doubled, getattr(C, "err", None))
def outer():
    y = 5
    return [y + i for i in range(3)]
print(outer())
