class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *rest, scale=1):
        return x * self.k * scale + sum(rest)
m = Multiplier(3)
print(m(2), m(2, 1, 1), m(2, scale=10), callable(m), callable(Multiplier), callable(3))
print(list(map(m, [1, 2, 3])))
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
c = Counter()
c(); c()
print(c(), c.calls)
try:
    5()
except TypeError as e:
    print("TypeError:", e)
try:
    "abc"()
except TypeError as e:
    print("TypeError:", e)
