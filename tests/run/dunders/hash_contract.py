class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        print("hash", self.k)
        return hash(self.k)
    def __eq__(self, other):
        print("eq", self.k, other.k)
        return self.k == other.k
d = {}
d[Key(1)] = "a"
d[Key(1)] = "b"
print(len(d), list(d.values()))
print(Key(2) in d)
class H(int):
    pass
print({H(3): 1}[3], hash(H(3)) == hash(3))
