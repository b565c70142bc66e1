class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)))
for x in Countdown(3):
    print(x, end=" ")
print()
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq())
class Repeat:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
r = Repeat([1, 2])
print(list(r), list(r), sum(r), sorted(r, reverse=True))
