class Spy:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("access", name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.x + 1
s = Spy()
print(s.x)
print(s.method())
try:
    s.zzz
except AttributeError as e:
    print("AttributeError:", e)
