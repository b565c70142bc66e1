x = "global"
class C:
    x = "class"
    def method(self):
        return x
    y = x + "!"
    lam = lambda self: x
print(C().method(), C.y, C().lam())
def f():
    v = "local"
    class D:
        w = v + "-in-class"
        def m(self):
            return v
    return D
D = f()
print(D.w, D().m())
