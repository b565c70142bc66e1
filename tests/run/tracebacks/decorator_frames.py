def deco(fn):
    def wrapper(*a):
        return fn(*a)
    return wrapper
@deco
def inner(x):
    return x.upper()
print(inner("ok"))
inner(5)
