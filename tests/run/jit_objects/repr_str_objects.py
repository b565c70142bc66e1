# __repr__/__str__ of user objects formatted inside loops.
def main():
    class Money:
        def __init__(self, cents):
            self.cents = cents
        def __repr__(self):
            return "Money(%d)" % self.cents
        def __str__(self):
            sign = "-" if self.cents < 0 else ""
            c = abs(self.cents)
            return "%s$%d.%02d" % (sign, c // 100, c % 100)

    out = []
    for i in range(-150, 150, 37):
        m = Money(i * 13)
        out.append("%s/%r/%s" % (m, m, [m]))
    print(out)
    print(f"{Money(-5)!r} {Money(123456)}")


main()
