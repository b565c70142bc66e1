class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(e)
class M(type):
    def mro(cls): return [cls, 5]
try:
    class D(metaclass=M): pass
except TypeError as e:
    print(e)
class N(type):
    def mro(cls): return []
try:
    class E(metaclass=N): pass
    print(E.__mro__)
    E()
except BaseException as e:
    print(type(e).__name__)
class P:
    def __init_subclass__(cls, **kw): raise KeyError('sub')
try:
    class Q(P): pass
except KeyError as e:
    print(e)
class Meta(type):
    def __new__(mcls, name, bases, ns): return 5
class R(metaclass=Meta): pass
print(R)
class Meta2(type):
    @classmethod
    def __prepare__(mcls, name, bases): return 5
try:
    class S(metaclass=Meta2): pass
except TypeError as e:
    print(e)
class Meta3(type):
    @classmethod
    def __prepare__(mcls, name, bases): return {'x': 1}
class T(metaclass=Meta3): pass
print(T.x)
