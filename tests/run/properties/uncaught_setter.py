class Celsius:
    def __init__(self):
        self._t = 0
    @property
    def t(self):
        return self._t
    @t.setter
    def t(self, v):
        if v < -273.15:
            raise ValueError(f"temperature {v} below absolute zero")
        self._t = v
c = Celsius()
c.t = 20
print(c.t)
c.t = -300
