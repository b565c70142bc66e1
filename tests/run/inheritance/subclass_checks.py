class A: pass
class B(A): pass
class C(B): pass
print(A.__subclasses__() == [B], B.__subclasses__() == [C], C.__subclasses__())
print(C.__base__.__name__, C.__bases__[0].__name__, object.__bases__, A.__base__ is object)
print([issubclass(C, k) for k in (A, B, C, object, int)])
print(type(C()).__mro__[1].__name__, C().__class__.__name__)
