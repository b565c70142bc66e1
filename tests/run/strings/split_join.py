s = "a,b,,c"
print(s.split(","), s.split(",", 1), s.rsplit(",", 1), s.split(",", 0))
print("  a  b   c ".split(), "  a  b   c ".split(None, 1), "  a  b   c ".rsplit(None, 1))
print("".split(), "".split(","), "abc".split("abc"), "x".split("x"))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "1 2 3".rsplit(maxsplit=1))
print("\ta\nb\x0bc\x0cd\re".split())
print(",".join(["a", "b", "c"]), "".join("xyz"), "-".join([]), " ".join(("1",)))
print("::".join(str(i) for i in range(5)))
try:
    "".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
