class D:
    def __get__(self, o, t): raise KeyError('get')
    def __set__(self, o, v): raise KeyError('set')
    def __delete__(self, o): raise KeyError('del')
class A:
    x = D()
for op in ('A().x', 'setattr(A(), "x", 1)', 'delattr(A(), "x")'):
    try:
        eval(op)
    except KeyError as e:
        print(op, e)
p = property()
class B:
    y = p
for op in ('B().y', 'setattr(B(), "y", 1)', 'delattr(B(), "y")'):
    try:
        eval(op)
    except AttributeError as e:
        print(op, e)
try:
    property(5, 6).__get__(1)
except TypeError as e:
    print(e)
print(classmethod(5).__get__(1), staticmethod(5).__get__(1))
try:
    classmethod(5).__get__(1)()
except TypeError as e:
    print(e)
