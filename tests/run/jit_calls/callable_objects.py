# Instances with __call__ used like functions, and bound methods stored in variables.
def main():
    class Mul:
        def __init__(self, k):
            self.k = k
        def __call__(self, x):
            return x * self.k

    fns = [Mul(2), Mul(0.5), len, str.upper, abs]
    out = []
    for i in range(150):
        f = fns[0] if i < 100 else fns[1]
        out.append(f(i))
    print(out[98:103])
    m = Mul(3).__call__
    print(sum(m(i) for i in range(100)))
    ap = [].append
    for i in range(5):
        ap(i)
    print(ap.__self__)


main()
