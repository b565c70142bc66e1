for s in ["1.5", "  -2.25 ", "1e3", "1E-3", ".5", "5.", "+3", "1_000.5", "inf", "-Infinity", "nan", "0x10" if False else "16"]:
    print(repr(s), float(s))
for bad in ["", "abc", "1.2.3", "1e", "0x10", "1__0", "- 1"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
print(float(), float(3), float(True), float(10**20), float(b"2.5"))
try:
    float([1])
except TypeError as e:
    print("TypeError:", e)
