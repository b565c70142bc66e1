# A chain f -> g -> h -> k called from a hot loop; k changes behaviour at some point.
def main():
    def k(x):
        if x > 170:
            return x * 0.5
        return x + 1

    def h(x):
        return k(x) * 2

    def g(x):
        return h(x) - 3

    def f(x):
        return g(x) + g(x + 1)

    s = 0
    for i in range(200):
        s += f(i)
    print(s, type(s).__name__)


main()
