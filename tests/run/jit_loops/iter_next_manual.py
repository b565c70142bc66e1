# Manual iteration with iter/next, default values and StopIteration.
def main():
    it = iter(range(130))
    total = 0
    while True:
        v = next(it, None)
        if v is None:
            break
        total += v
    print(total)
    it2 = iter([1, 2, 3])
    out = []
    try:
        while True:
            out.append(next(it2))
    except StopIteration:
        out.append("stop")
    print(out)
    it3 = iter("abc")
    print(next(it3), list(it3), next(it3, "end"))


main()
