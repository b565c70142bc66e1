# Builtins called in a hot loop with arguments whose type changes.
def main():
    out = []
    for i in range(150):
        v = i if i < 100 else i / 3
        out.append((abs(-v), min(v, 50), max(v, 120), isinstance(v, int), str(v)[:4]))
    print(out[98:102])
    print(len(range(5)), sum([1.5, 2, True]), min("b", "a"), max([3, 1, 2]), any([0, 0.0, ""]), all([]))
    print(sorted([3, 1.5, True, -2]), list(map(str, [1, 2.5, None])))


main()
