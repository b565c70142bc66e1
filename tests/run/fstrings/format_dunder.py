class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "c":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return "money"
m = Money(1234)
print(f"{m}", f"{m:c}", f"{m:>10.1f}", f"{m!r}", f"{m!s}", format(m), format(m, "c"))
print("{}".format(m), "{:c}".format(m), "{!r}".format(m))
class Plain:
    pass
try:
    format(Plain(), "x")
except TypeError as e:
    print("TypeError:", e)
