class B:
    def __bytes__(self):
        return b"custom"
    def __format__(self, spec):
        return "F:" + spec
    def __str__(self):
        return "S"
    def __repr__(self):
        return "R"
b = B()
print(bytes(b), format(b, "abc"), f"{b:xyz}", str(b), repr(b), f"{b!r}", ascii(b))
class Lenny:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError(i)
    def __reversed__(self):
        return iter(["r1", "r0"])
print(list(reversed(Lenny())), list(Lenny()))
