# super() chains across three levels called from a hot loop.
class A:
    def val(self, x):
        return x

class B(A):
    def val(self, x):
        return super().val(x) * 2

class C(B):
    def val(self, x):
        return super().val(x) + 1

class D(C, B):
    pass

objs = [A(), B(), C(), D()]
s = 0
for i in range(160):
    s += objs[i % 4].val(i)
print(s, [c.__name__ for c in D.__mro__])
