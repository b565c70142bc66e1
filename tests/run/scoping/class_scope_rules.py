x = "module"
class A:
    x = "class"
    y = [x for _ in range(1)]
    z = (lambda: x)()
    def m(self):
        return x
print(A.y, A.z, A().m())
class B:
    items = [1, 2, 3]
    total = sum(items)
    first = items[0]
print(B.total, B.first)
