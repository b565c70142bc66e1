class A:
    x = "A.x"
    def f(self):
        return "A.f"
class B(A):
    def f(self):
        return "B.f:" + super().f()
b = B()
print(b.x, b.f())
b.x = "inst"
print(b.x, B.x, A.x)
B.x = "B.x"
del b.x
print(b.x)
b.f = lambda: "instance f"
print(b.f(), B.f(b))
print(getattr(B, "f")(b), B.__dict__.get("x"), "f" in A.__dict__)
