# `type`'s own data descriptors (__name__, __bases__, __doc__...) win over the class
# namespace unless a metaclass redefines them; object's __class__ and an instance's
# __dict__ win over instance dict entries; __doc__ is not inherited.


class A:
    __name__ = "x"
    __qualname__ = "qq"
    __bases__ = 5


print(A.__name__, A.__qualname__, A.__bases__, A().__name__, A().__bases__)


class B:
    __class__ = int


b = B()
print(b.__class__, type(b))


class C:
    pass


c = C()
c.__dict__["__class__"] = 5
c.__dict__["__dict__"] = 6
print(c.__class__, c.__dict__, vars(c))


class M(type):
    __name__ = "meta-name"

    @property
    def __doc__(cls):
        return "meta doc of " + cls.__qualname__


class E(metaclass=M):
    pass


print(type(E), E.__name__, getattr(E, "__name__"), E.__doc__)


class D1:
    "doc of D1"


class D2(D1):
    pass


print(D1.__doc__, D2.__doc__, D2().__doc__, D1().__doc__, int.__doc__ is None or True)


class DocDesc:
    def __get__(self, obj, owner):
        return ("doc via descriptor", obj, owner.__name__)


class D3:
    __doc__ = DocDesc()


print(D3.__doc__, D3().__doc__[0])
for name in ["__name__", "__qualname__", "__mro__", "__bases__", "__base__", "__class__"]:
    print(name, getattr(D2, name))
print("__doc__" in D2.__dict__, D1.__dict__["__doc__"], D2.__dict__["__doc__"])


# a Python-level __getattribute__ anywhere before object in the MRO
class Loud:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)


class Quiet(Loud):
    pass


class Mixed(list, Loud):
    pass


class MixedErr(ValueError, Loud):
    pass


class Fallback:
    def __getattribute__(self, name):
        raise AttributeError(name)

    def __getattr__(self, name):
        return "fallback " + name


q = Quiet()
q.a = 1
m = Mixed([1, 2])
for i in range(3):
    print(q.secret, q.a, len(m), Fallback().anything)
    for obj in (m, MixedErr()):
        try:
            obj.secret
        except AttributeError as e:
            print("AttributeError:", e)
try:
    q.missing
except AttributeError as e:
    print("AttributeError:", e)
