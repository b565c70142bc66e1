# str/repr/format of values whose type changes mid-loop.
def main():
    out = []
    for i in range(100):
        v = i if i < 40 else (i / 8 if i < 80 else 2**63 + i)
        out.append("%s|%r|%d|%x" % (v, v, v, int(v)) if not isinstance(v, float) else "%s|%.3f|%e" % (v, v, v))
    print(out[38:42])
    print(out[78:82])
    print(format(2**64, ","), format(-1234567.891, ",.2f"), f"{255:#x} {255:08b} {3.5:>8}|")


main()
