# A user descriptor (__get__/__set__) read and written in a hot loop.
class Clamped:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, v):
        setattr(obj, self.name, max(0, min(100, v)))

class Gauge:
    level = Clamped()

g = Gauge()
trace = []
for i in range(200):
    g.level = g.level + (7 if i < 100 else -9)
    if i % 25 == 0:
        trace.append(g.level)
print(trace, g.level, type(Gauge.level).__name__)
