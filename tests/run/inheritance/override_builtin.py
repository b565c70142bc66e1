class MyList(list):
    def append(self, x):
        super().append(x * 10)
    def total(self):
        return sum(self)
m = MyList([1, 2])
m.append(3)
print(m, m.total(), len(m), type(m).__name__, isinstance(m, list), m[0:2], type(m[0:2]).__name__)
class UpperDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = UpperDict()
u["a"] = 1
print(u, dict(u), u.get("A"))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hi")
print(s, s.shout(), s + "x", type(s + "x").__name__, len(s), isinstance(s, str))
class MyInt(int):
    pass
print(MyInt(5) + 1, type(MyInt(5) + 1).__name__, MyInt(7) == 7)
