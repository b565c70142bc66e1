import math
class A:
    k = 3
    def __init__(self, x):
        self.x = x
        self.y = x * 2
    def m(self):
        return self.x + self.y + self.k
class B(A):
    pass
s = 0
for i in range(100):
    a = A(i) if i % 2 else B(i)
    s += a.m() + len([1]) + int(math.sqrt(4))
    if i == 50:
        A.k = 10
        A.m = lambda self: 1
    a.z = i
print(s)
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x): self.x = x; self.y = x
t = 0
for i in range(50):
    p = P(i); t += p.x + p.y
    p.x = 3; t += p.x
print(t)
