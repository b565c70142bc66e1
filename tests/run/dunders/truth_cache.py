# Truth of instances in hot branches: classes without __bool__/__len__, with them, and
# classes or bases that gain or lose them later.
class A:
    pass


class B(A):
    pass


a, b = A(), B()
n = 0
for i in range(5):
    if a:
        n += 1
    if not b:
        n += 100
print(n)
A.__len__ = lambda self: 0
print(bool(a), bool(b), "yes" if b else "no")
del A.__len__
print(bool(a), bool(b))
B.__bool__ = lambda self: False
print(bool(a), bool(b), not b)
del B.__bool__


class C:
    def __bool__(self):
        return 0


try:
    if C():
        pass
except TypeError as e:
    print("TypeError:", e)


class L:
    def __len__(self):
        return -1


try:
    bool(L())
except ValueError as e:
    print("ValueError:", e)


class E(Exception):
    pass


print(bool(E()), bool(Exception()))
while a:
    print("loop once")
    break
print(bool(a) and bool(b))
