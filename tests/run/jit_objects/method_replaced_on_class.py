# The method called in a hot loop is replaced on the class, then on one instance.
def main():
    class A:
        def f(self, x):
            return x + 1

    a = A()
    b = A()
    out = []
    for i in range(200):
        if i == 70:
            A.f = lambda self, x: x * 2
        if i == 140:
            a.f = lambda x: -x
        out.append(a.f(i) + b.f(i))
    print(out[68:72], out[138:142], sum(out))


main()
