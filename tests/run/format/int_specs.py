n = 1234567
for spec in ["", "d", "10d", "<10d", "^10d", ">10", "010d", "+d", "-d", " d", ",d", "_d", "x", "X", "#x",
             "o", "#o", "b", "#b", "_b", "c" if False else "n", "e", ".2e", "f", ".1%", "g", "=+12", "*^12,"]:
    print(repr(spec), repr(format(n, spec)), repr(format(-n, spec)))
print(format(65, "c"), format(0, "#b"), format(-0, "+"), format(10**30, ","))
