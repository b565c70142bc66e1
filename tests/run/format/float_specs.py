x = 12345.6789
for spec in ["", "f", ".0f", ".3f", "10.2f", "<10.2f", "^12.1f", "+.2f", " .2f", ",.2f", "_.3f", "e", ".2e",
             "E", "g", ".3g", ".10g", "G", "%", ".1%", "012.2f", "=+12.2f", "#.0f", "#g", "n", ".2"]:
    print(repr(spec), repr(format(x, spec)), repr(format(-x, spec)))
for v in [0.0, -0.0, 1e-10, 1e20, float("inf"), float("nan"), 0.5, 2.5, 1.5e-5]:
    print(repr(v), format(v, ".2f"), format(v, "g"), format(v, ".3e"), format(v, "10.4"))
