print(str(), str(123), str(-1.5), str([1, "a"]), str((1,)), str({"k": 1}), str(None), str(True))
print(str(b"abc"), str(b"abc", "ascii"), str(bytearray(b"x"), "utf-8"), str(b"\xe9", "latin-1"))
class A:
    def __str__(self):
        return "A-str"
    def __repr__(self):
        return "A-repr"
print(str(A()), repr(A()), [A()], f"{A()}", "%s %r" % (A(), A()))
print(str("x") is not None, type(str(1)).__name__)
