s = "hello"
for spec in ["", "s", "10", "<10", ">10", "^10", "*^11", "-<8", ".3", "10.2", "^9.4", "0>7"]:
    print(repr(spec), repr(format(s, spec)))
print(repr(format("", "5")), repr(format("é", "^5")))
for bad in ["d", "x", ".2f", "+"]:
    try:
        format(s, bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    format(1, "s")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
