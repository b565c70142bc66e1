class M(type):
    def __call__(cls, *a): return 42
class A(metaclass=M): pass
print(A())
try:
    class B(5): pass
except TypeError as e:
    print(e)
try:
    class C(int, str): pass
except TypeError as e:
    print(e)
class D: pass
try:
    D.__bases__ = (D,)
except TypeError as e:
    print(e)
try:
    D.__class__ = int
except TypeError as e:
    print(e)
d = D()
try:
    d.__class__ = int
except TypeError as e:
    print(e)
class E2: pass
d.__class__ = E2
print(type(d).__name__)
try:
    type('X', (), {})().__dict__ = 5
except TypeError as e:
    print(e)
try:
    type(5, 6, 7)
except TypeError as e:
    print(e)
print(type('Y', (object,), {'__slots__': ()})())
try:
    object.__new__(int)
except TypeError as e:
    print(e)
try:
    int.__new__(str)
except TypeError as e:
    print(e)
try:
    list.__init__(5)
except TypeError as e:
    print(e)
try:
    super()
except RuntimeError as e:
    print(e)
class F:
    def m(self): return super().m()
try:
    F().m()
except AttributeError as e:
    print(e)
try:
    super(int, 'x')
except TypeError as e:
    print(e)
print(object.__subclasshook__(), object.__reduce_ex__ if hasattr(object, '__reduce_ex__') else 1)
