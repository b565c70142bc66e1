class MyRange:
    def __init__(self, start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        self.start, self.stop, self.step = start, stop, step
    def __len__(self):
        return max(0, (self.stop - self.start + self.step - (1 if self.step > 0 else -1)) // self.step)
    def __getitem__(self, i):
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("MyRange index out of range")
        return self.start + i * self.step
    def __iter__(self):
        v = self.start
        while (v < self.stop) if self.step > 0 else (v > self.stop):
            yield v
            v += self.step
    def __contains__(self, x):
        return any(x == v for v in self)
    def __repr__(self):
        return f"MyRange({self.start}, {self.stop}, {self.step})"
for args in [(5,), (2, 10, 3), (10, 0, -2), (3, 3)]:
    r = MyRange(*args)
    print(r, len(r), list(r), list(r) == list(range(*args)), 4 in r)
print(MyRange(10)[-1], list(reversed(MyRange(4))))
try:
    MyRange(3)[5]
except IndexError as e:
    print("IndexError:", e)
