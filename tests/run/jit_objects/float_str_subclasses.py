# float and str subclasses in loops; overridden operators and inherited ones.
def main():
    class Deg(float):
        def __add__(self, o):
            return Deg((float(self) + float(o)) % 360.0)

    d = Deg(0.0)
    for i in range(200):
        d = d + 7.5
    print(d, type(d).__name__)
    class Name(str):
        def shout(self):
            return self.upper() + "!"

    n = Name("ab")
    s = ""
    for i in range(120):
        s += n if i % 2 else "-"
    print(len(s), type(s).__name__, n.shout(), type(n + "c").__name__)


main()
