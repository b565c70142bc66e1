# __getattr__ invoked only for missing attributes, inside a hot loop.
class Lazy:
    def __init__(self):
        self.calls = 0
    def __getattr__(self, name):
        self.calls += 1
        if name.startswith("n"):
            return int(name[1:])
        raise AttributeError(name)

z = Lazy()
s = 0
for i in range(150):
    s += getattr(z, "n%d" % (i % 10))
    if i == 100:
        z.n5 = 1000
print(s, z.calls)
try:
    z.other
except AttributeError as e:
    print("AttributeError", e)
