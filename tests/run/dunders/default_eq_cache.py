# == and != between instances of classes that keep object's __eq__/__ne__ (identity), and
# what happens when a class or a base gains __eq__/__ne__ later.
class A:
    pass


class B(A):
    pass


a1, a2, b1 = A(), A(), B()
for _ in range(3):
    print(a1 == a1, a1 == a2, a1 != a2, a1 != a1, a1 == b1, b1 == b1, a1 == 5, 5 != a1)
A.__eq__ = lambda self, other: "A.eq"
print(a1 == a2, b1 == a1, a1 != a2)
del A.__eq__
print(a1 == a2, a1 == a1)
B.__ne__ = lambda self, other: "B.ne"
print(b1 != a1, a1 != b1, b1 == b1)


class C:
    def __eq__(self, other):
        return "C.eq"


c = C()
print(c == a1, a1 == c, c != a1, a1 != c)


class D:
    def __ne__(self, other):
        return "D.ne"


d = D()
print(d == d, d != d, d == a1, a1 != d)
print([a1, a2].count(a2), a2 in [a1], a1 in [a1], [a1, b1].index(b1))


class Meta(type):
    pass


class E(metaclass=Meta):
    pass


print(E() == E(), E == E, E != A)
