def grade(s):
    return "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10)])
x = None
print(x if x is not None else "default", (lambda v: "even" if v % 2 == 0 else "odd")(3))
vals = [1, 0, None, "", "x"]
print([v or "falsy" for v in vals])
print([("T" if v else "F") for v in vals])
