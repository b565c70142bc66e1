class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __repr__(self):
        return "Ver(" + ".".join(map(str, self.parts)) + ")"
vs = [Ver("1.10"), Ver("1.2"), Ver("0.9.9"), Ver("1.2.1")]
print(sorted(vs), max(vs), min(vs))
print(Ver("1.0") <= Ver("1.0"), Ver("2.0") > Ver("1.9"), Ver("1.0") >= Ver("1.1"), Ver("1") != Ver("1"))
class Rev:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        print("Rev.__gt__")
        return self.v > o
print(3 < Rev(5))
try:
    Rev(1) < Rev(2)
except TypeError as e:
    print("TypeError:", e)
