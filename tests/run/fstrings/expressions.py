def f(x):
    return x * 2
class C:
    attr = "A"
    def __format__(self, spec):
        return f"C<{spec}>"
x = 5
print(f"{f(x)}", f"{C.attr}", f"{C():xyz}", f"{C()}", f"{x if x > 3 else 0}")
print(f"{[i * i for i in range(4)]}", f"{(lambda y: y + 1)(3)}", f"{x!r:>4}")
print(f"{'a' 'b'}", f"{x:{'>'}{4}}", f"{True}", f"{None}", f"{x,}", f"{(1, 2)}")
print(f"{x:b} {x:o} {x:e} {x:g}")
print(f"{'abc':.2}", f"{'abc':*^7}", f"{-x:+}", f"{x:+}", f"{x: }")
