# Calls relying on defaults, including a mutable default that accumulates.
def main():
    def f(a, b=10, c=None):
        if c is None:
            c = []
        c.append(a + b)
        return c

    def acc(x, bucket=[]):
        bucket.append(x)
        return len(bucket)

    n = 0
    for i in range(150):
        n += len(f(i)) + len(f(i, 1)) + len(f(i, c=[0]))
        acc(i)
    print(n, acc("last"))
    def g(a, b=2**63, *, c=1.5):
        return a + b + c
    print(g(0), g(1, -2**63), g(1, c=0))


main()
