# Negation, abs and floor division at the i64 boundary.
def main():
    vals = [-2**63, -2**63 + 1, 2**63 - 1, -1, 0, 1]
    for rep in range(40):
        out = []
        for v in vals:
            out.append((-v, abs(v), v // -1, v * -1, ~v))
    print(out)
    total = 0
    for i in range(300):
        v = -2**63 if i % 50 == 49 else i
        total += -v
    print(total)


main()
