# LOAD_METHOD of a class method through an instance: the cached form calls the wrapped
# function with the instance's class, as the bound method would; the instance dict, a
# class change and other receiver types still decide.


class Base:
    tag = "base"

    @classmethod
    def make(cls, n):
        return (cls.__name__, cls.tag, n)

    @classmethod
    def none(cls):
        return cls


class Sub(Base):
    tag = "sub"


def run(objs, rounds):
    out = []
    for i in range(rounds):
        for o in objs:
            out.append(o.make(i))
    return out


b, s = Base(), Sub()
print(run([b], 12)[-3:])
print(run([b, s], 12)[-4:])
print(b.none() is Base, s.none() is Sub)

# the instance dict shadows a class method (a non-data descriptor)
s.make = lambda n: ("shadowed", n)
print(run([b, s], 3))
del s.make
print(run([s], 2))

# the class attribute replaced after specialization
Base.make = classmethod(lambda cls, n: ("replaced", cls.__name__, n))
print(run([b, s], 2))
Base.make = staticmethod(lambda n: ("static", n))
print(run([b, s], 2))


# a class method wrapping a callable object, and errors with the right name
class Callable:
    def __call__(self, cls, n):
        return ("callable", cls.__name__, n)


class Other:
    make = classmethod(Callable())

    @classmethod
    def two(cls, a, b):
        return a + b


o = Other()
print(run([o], 2))
for i in range(12):
    try:
        o.two(i)
    except TypeError as e:
        msg = str(e)
print(msg)
print(o.two(1, 2))
