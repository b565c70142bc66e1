# LOAD_DEREF of closure cells and MAKE_FUNCTION in hot loops, and an empty cell.
def counter():
    n = 0

    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc


inc = counter()
total = 0
for i in range(30):
    total += inc()
    adders = [lambda y, i=i: y + i for _ in range(2)]
    named = lambda *, z=i: z
print(total, adders[0](100), adders[1].__defaults__, adders[0].__name__)
print(named(), named.__kwdefaults__, named.__module__, named.__qualname__)


def documented():
    """doc here"""


def make():
    def inner(a: int) -> str:
        """inner doc"""
        return a
    return inner


fs = [make() for _ in range(3)]
print(fs[0] is fs[1], fs[0].__doc__, fs[2].__annotations__, documented.__doc__)


def late():
    def get():
        return v
    try:
        get()
    except NameError as e:
        print("NameError:", e)
    v = 3
    return get()


print(late())
