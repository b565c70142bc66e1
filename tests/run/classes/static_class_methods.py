class Temp:
    scale = "C"
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))
    @staticmethod
    def valid(deg):
        return deg > -273.15
    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"
class Kelvinish(Temp):
    scale = "K"
t = Temp.from_f(212)
print(t.deg, type(t).__name__, Temp.valid(-300), t.valid(0), Temp.describe(), Kelvinish.describe())
k = Kelvinish.from_f(32)
print(type(k).__name__, k.deg, k.describe())
print(type(Temp.__dict__["from_f"]).__name__, type(Temp.__dict__["valid"]).__name__)
