x = None
print(x)
print(repr(None), str(None))
print(x is None, x == None, x is not None)
print(type(None))
print(type(None)() is None)
def f():
    pass
print(f())
print(f() is None)
print(bool(None))
d = {None: 1}
print(d[None])
print([None] * 3)
print(None == 0, None == False, None == "")
