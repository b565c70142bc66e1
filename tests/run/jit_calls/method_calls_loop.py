# Method calls in a hot loop, including list/str/dict methods.
def main():
    class Acc:
        def __init__(self):
            self.items = []

        def add(self, v):
            self.items.append(v)
            return self

        def total(self):
            return sum(self.items)

    a = Acc()
    for i in range(200):
        a.add(i).add(-i // 2)
    print(a.total(), len(a.items))
    s = "a,b,c"
    parts = 0
    for i in range(150):
        parts += len(s.split(",")) + s.count("b") + s.upper().find("C")
    print(parts)
    d = {}
    for i in range(150):
        d.setdefault(i % 10, []).append(i)
    print(sum(len(v) for v in d.values()), d[3][:3])


main()
