# An int subclass flowing through arithmetic in a hot loop (results are plain ints).
class Meters(int):
    def __repr__(self):
        return "Meters(%d)" % int(self)

m = Meters(5)
acc = 0
for i in range(150):
    acc += m if i % 2 else i
print(acc, type(acc).__name__, repr(m), m + 1, type(m + 1).__name__, type(-m).__name__)
class Flag(int):
    def __add__(self, o):
        return Flag(int(self) | int(o))
f = Flag(0)
for i in range(70):
    f = f + (1 << (i % 8))
print(int(f), type(f).__name__)
