data = {"user": {"name": "ann", "tags": ["a", "b"]}}
print("{0[user][name]} {0[user][tags][1]}".format(data))
print("{:>{}}".format("x", 4), "{0:{1}}".format(3.14159, ".2f"), "{0!r:>8}".format("hi"))
print("{a}{b}{a}".format(a=1, b=2), "{} {} {}".format(*"xyz"), "{x} {y}".format(**{"x": 1, "y": 2}))
print("{:%}".format(0.25), "{:.0e}".format(12345), "{:c}".format(97), "{:=^7}".format(""))
print("{0:}|{0:<}|".format(5), "{:,}".format(-9876543.21), "{:_x}".format(2**40))
class Pt:
    def __init__(self):
        self.x, self.y = 1, 2
print("({0.x}, {0.y})".format(Pt()))
