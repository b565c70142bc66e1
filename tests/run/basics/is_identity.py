a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True)
x = ()
y = ()
print(x == y)
class A:
    pass
o1 = A()
o2 = o1
print(o1 is o2, o1 is A(), o1 == o2)
print(type(1) is int, type(True) is bool, type(True) is int)
