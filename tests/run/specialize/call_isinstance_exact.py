# isinstance(x, C) with type(x) exactly C is answered in place; subclasses, tuples,
# metaclass __instancecheck__, non-class second arguments and a rebound isinstance
# take the generic call
class A:
    pass


class B(A):
    pass


class Meta(type):
    def __instancecheck__(cls, obj):
        print("Meta.__instancecheck__", type(obj).__name__)
        return False


class M(metaclass=Meta):
    pass


a, b, m = A(), B(), M()
for k in range(3):
    print(k, isinstance(a, A), isinstance(b, A), isinstance(a, B), isinstance(b, (int, B)))
    print(isinstance(k, int), isinstance(True, int), isinstance(k, bool), isinstance(None, type(None)))
    print(isinstance(m, M), isinstance(a, M), isinstance(A, type), isinstance(Meta, type))
for bad in (3, "A", [A]):
    try:
        isinstance(a, bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    isinstance(a)
except TypeError as e:
    print("TypeError:", e)


def rebound():
    isinstance = lambda x, c: "mine"
    return isinstance(a, A)


print(rebound(), isinstance(a, A) and isinstance(a, object))
