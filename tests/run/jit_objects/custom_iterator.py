# A class-based iterator (__iter__/__next__) whose values change type partway.
def main():
    class Count:
        def __init__(self, n):
            self.i = 0
            self.n = n
        def __iter__(self):
            return self
        def __next__(self):
            if self.i >= self.n:
                raise StopIteration
            self.i += 1
            return self.i if self.i < 100 else float(self.i)

    total = 0
    for v in Count(160):
        total += v
    print(total, type(total).__name__)
    print(list(zip(Count(3), Count(5))))


main()
