# BaseException.__init__ stores its positional arguments as .args (the tuple __new__
# made is reused when equal); keyword checks; re-initialisation.


class MyErr(Exception):
    def __init__(self, a, b=2):
        super().__init__(a + 1)
        self.b = b


class Plain(Exception):
    pass


e = MyErr(1, b=5)
print(e.args, e.b, str(e))
p = Plain(1, "two", None)
print(p.args, repr(p))
p.__init__("again")
print(p.args)
p.__init__()
print(p.args, repr(str(p)))
for i in range(3):
    try:
        raise Plain("loop", i)
    except Plain as x:
        print(x.args, x.args[1] == i)
for call in [lambda: ValueError(1, x=2), lambda: NameError("n", obj=1), lambda: UnicodeDecodeError("a")]:
    try:
        call()
    except TypeError as t:
        print("TypeError:", t)
n = NameError("msg", name="zz")
print(n.args, n.name)
a = AttributeError("m", name="nm", obj=3)
print(a.args, a.name, a.obj)
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")
print(u.args, u.reason)


class NewArgs(Exception):
    def __new__(cls, *args):
        return super().__new__(cls, "from new")


print(NewArgs("from call").args)
