a = [1, 2]
b = (3, 4)
c = {5: "five"}
print([*a, *b], (*a, 0), {*a, *b}, {**c, 6: "six"}, [*"hi", *range(2)])
print(*a, *b, sep=",")
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2}, {**d2, **d1}, dict(**d1, w=0))
def f(*args, **kw):
    return args, kw
print(f(*a, 9, *b, k=1, **d1))
print([*[], *()], {**{}})
