# Iterating tuples (including nested and mixed types) in a hot loop.
def main():
    t = tuple(range(120)) + (1.5, "x", None, (1, 2))
    kinds = {}
    for v in t:
        k = type(v).__name__
        kinds[k] = kinds.get(k, 0) + 1
    print(kinds)
    s = 0
    for rep in range(50):
        for a, b in ((1, 2), (3, 4), (5, 6)):
            s += a * b - rep
    print(s)


main()
