# A class attribute holding an instance of a Python class (`Strength.REQUIRED`) read
# through the class by specialized LOAD_ATTR / LOAD_METHOD forms: it is plain while its
# class and bases have no `__get__`; adding one (to the class or a base) later makes the
# read call it, removing it makes the read plain again.


class Base:
    pass


class Plain(Base):
    def __init__(self, name):
        self.name = name

    def __call__(self):
        return "called " + self.name

    def __repr__(self):
        return "Plain(%s)" % self.name


class C:
    X = Plain("x")


def read():
    return C.X


def call():
    return C.X()


def reads(n):
    out = None
    for _ in range(n):
        out = (read(), C.X, call())
    return out


print(reads(20))
Plain.__get__ = lambda self, inst, owner: Plain("got from " + owner.__name__)
print(reads(20))
del Plain.__get__
print(reads(20))
Base.__get__ = lambda self, inst, owner: Plain("base got " + self.name)
print(reads(20))
del Base.__get__
C.X = Plain("y")
print(reads(20))

try:
    for _ in range(20):
        C.missing
except AttributeError as exc:
    print("AttributeError:", exc)
