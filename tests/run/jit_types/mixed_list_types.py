# One loop body sees ints, floats, strs, bools, big ints, and lists in turn.
def main():
    items = []
    for i in range(60):
        items.append(i)
    items += [2.5, "ab", True, 2**70, [1, 2], (3,), -0.0, False]
    items += list(range(40))
    out = []
    for x in items:
        out.append(x * 2)
    print(out[58:70])
    print(sum(v for v in out if isinstance(v, int)))


main()
