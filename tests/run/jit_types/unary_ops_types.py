# -x, +x, ~x, not x as x changes type in a loop.
def main():
    xs = [0, 5, -5, 2**63 - 1, -2**63, 2**70, 1.5, -0.0, True, False]
    out = []
    for rep in range(20):
        out = []
        for x in xs:
            r = (-x, +x, not x)
            if not isinstance(x, float):
                r += (~x,)
            out.append(r)
    for r in out:
        print(r)


main()
