# A numeric-like class mixed with ints and floats in a hot loop (__add__/__radd__/__mul__).
def main():
    class V:
        def __init__(self, x):
            self.x = x
        def __add__(self, o):
            return V(self.x + (o.x if isinstance(o, V) else o))
        def __radd__(self, o):
            return V(o + self.x)
        def __mul__(self, k):
            return V(self.x * k)
        def __repr__(self):
            return "V(%r)" % (self.x,)

    acc = 0
    for i in range(150):
        if i == 60:
            acc = V(acc)
        acc = acc + i if i % 2 else i + acc
    print(acc, V(2) * 2.5, sum([V(1), V(2)], V(0)))


main()
