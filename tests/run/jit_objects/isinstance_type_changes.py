# isinstance/type() checks in a loop whose element types change mid-way.
def main():
    class A: pass
    class B(A): pass

    things = [1, 1.0, "s", A(), B(), None, [1], (1,), True] * 20
    counts = {}
    for t in things:
        for cls in (int, float, str, A, B, list, tuple, bool, type(None)):
            if isinstance(t, cls):
                counts[cls.__name__] = counts.get(cls.__name__, 0) + 1
    print(counts)
    print(sum(type(t) is int for t in things), issubclass(bool, int), issubclass(B, (int, A)))


main()
