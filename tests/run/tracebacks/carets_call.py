def f(a):
    return a.missing_method()
class Thing:
    pass
objs = [Thing()]
print(len(objs))
result = f(objs[0])
