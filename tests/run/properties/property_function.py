class P:
    def __init__(self):
        self._v = 0
    def get_v(self):
        return self._v
    def set_v(self, v):
        self._v = v * 2
    v = property(get_v, set_v, None, "the v")
p = P()
p.v = 5
print(p.v, P.v.__doc__)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        if not hasattr(self, "_cache"):
            self.computed += 1
            self._cache = sum(range(100))
        return self._cache
l = Lazy()
print(l.value, l.value, l.computed)
