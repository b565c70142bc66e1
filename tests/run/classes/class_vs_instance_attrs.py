class C:
    shared = []
    count = 0
    def __init__(self, name):
        self.name = name
        C.count += 1
        self.shared.append(name)
a = C("a")
b = C("b")
print(C.count, a.count, C.shared, a.shared is b.shared)
a.count = 100
print(a.count, b.count, C.count)
del a.count
print(a.count)
print("name" in vars(a), "count" in vars(a), sorted(k for k in vars(C) if not k.startswith("__")))
