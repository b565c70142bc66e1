# and/or return operands, not bools; the operand types vary per iteration.
def main():
    vals = [0, 1, "", "a", [], [0], None, 0.0, 2.5, False, True]
    out = []
    for rep in range(20):
        out = []
        for a in vals:
            for b in (0, "z"):
                out.append((a and b, a or b))
    print(out[:8])
    print(sum(1 for x, y in out if x == y))
    c = 0
    for i in range(200):
        c = (i % 3 and c + 1) or c - 1
    print(c)


main()
