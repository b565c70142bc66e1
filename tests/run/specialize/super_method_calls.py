# super() method calls and class-method calls at warmed-up sites: the cached super
# lookup (keyed by the super object's classes and the instance type's version), sites
# that see several instance types, class mutation after warm-up, and class methods
# called through the class (no bound method is made for the call).


class A:
    def f(self, x):
        return ("A.f", type(self).__name__, x)

    @classmethod
    def make(cls, x):
        return (cls.__name__, x)

    @staticmethod
    def st(x):
        return ("st", x)


class B(A):
    def f(self, x):
        return ("B",) + super().f(x)

    def g(self, x):
        return super(B, self).f(x + 100)


class C(B):
    def f(self, x):
        return ("C",) + super().f(x)


class D(B):
    pass


class M(A):
    def f(self, x):
        return ("M",) + super().f(x)


class E(C, M):
    pass


objs = [B(), C(), D(), E()]
for i in range(40):
    o = objs[i % len(objs)]
    r = (o.f(i), o.g(i))
    if i >= 36:
        print(r)

# the base method changes after warm-up
def newf(self, x):
    return ("A.newf", x)


A.f = newf
for o in objs:
    print(o.f(1), o.g(2))

# a method added between the classes of the MRO
def bf(self, x):
    return ("M.new", x)


M.f = bf
print(E().f(3))
del M.f
print(E().f(4))

# super() with a class as its object (class-level super): bound differently
class K(A):
    @classmethod
    def make(cls, x):
        return ("K",) + super().make(x)


for i in range(20):
    r = K.make(i)
print(r, A.make(1), K.st(2), K().make(3))

# class methods through the class at a hot site, then replaced by a plain function
class P:
    @classmethod
    def cm(cls, a, b=2):
        return (cls.__name__, a, b)


class Q(P):
    pass


for i in range(30):
    r1 = P.cm(i)
    r2 = Q.cm(i, b=5)
print(r1, r2)
P.cm = lambda a, b=3: ("plain", a, b)
print(P.cm(1), Q.cm(2))
P.cm = classmethod(lambda cls, *a: (cls.__name__,) + a)
print(P.cm(1), Q.cm(2, 3))

# errors inside a super() call and a class method keep their tracebacks' shape
class R(A):
    def f(self, x):
        return super().f(x, 1)


try:
    R().f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    P.cm()
    Q.cm(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
