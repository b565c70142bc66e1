class Outer:
    class Inner:
        val = 1
        def hello(self):
            return "inner hello"
    def make(self):
        return self.Inner()
o = Outer()
print(o.make().hello(), Outer.Inner.val, Outer.Inner.__qualname__, Outer.Inner.__name__)
def factory(n):
    class Local:
        size = n
        def __repr__(self):
            return f"Local(size={self.size})"
    return Local
L1, L2 = factory(1), factory(2)
print(L1(), L2(), L1 is L2, L1.__qualname__)
