# __bool__ and __len__ decide loop conditions.
def main():
    class Budget:
        def __init__(self, n):
            self.n = n
        def __bool__(self):
            return self.n > 0
        def spend(self):
            self.n -= 7

    b = Budget(1000)
    rounds = 0
    while b:
        b.spend()
        rounds += 1
    print(rounds, b.n)

    class Stack:
        def __init__(self, xs):
            self.xs = list(xs)
        def __len__(self):
            return len(self.xs)
        def pop(self):
            return self.xs.pop()

    st = Stack(range(130))
    tot = 0
    while st:
        tot += st.pop()
    print(tot, bool(st), not Stack([1]))


main()
