class A:
    def __eq__(self, other):
        print("A.__eq__")
        return NotImplemented
class B:
    def __eq__(self, other):
        print("B.__eq__")
        return NotImplemented
a, b = A(), B()
print(a == b)
print(a != b)
print(a == a)
class Z:
    def __lt__(self, other):
        return NotImplemented
try:
    Z() < Z()
except TypeError as e:
    print("TypeError:", e)
print(1 .__eq__("x"), (1).__lt__(2.0), "a".__lt__(1))
