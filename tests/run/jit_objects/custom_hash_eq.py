# Objects with __hash__/__eq__ used as dict keys and set members in loops.
def main():
    class K:
        def __init__(self, v):
            self.v = v
        def __hash__(self):
            return self.v % 10
        def __eq__(self, o):
            return isinstance(o, K) and o.v == self.v

    d = {}
    for i in range(150):
        d[K(i % 40)] = i
    print(len(d), d[K(7)], K(7) in d, K(99) in d)
    s = set()
    for i in range(100):
        s.add(K(i % 25))
    print(len(s), sorted(k.v for k in s)[:5])


main()
