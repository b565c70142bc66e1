name = "x"
items = {"a": 1}
print(f"{'{'}{name}{'}'}", f"{{{name}}}", f"{items['a']}", f"{'a' if name else 'b'}")
print(f"{len('ab')}", f"{'nl'!r}")
width = 8
print(f"{'centered':^{width + 4}}|", f"{3.14159:.{1 + 1}f}", f"{255:{'#'}x}")
print(f"{name!r:>6}|{name:>{width}}|")
print(f"{[1, 2][0]}", f"{ {'k': 'v'}['k'] }", f"{(lambda: 'lam')()}")
print(f"{'tab'}\t{'end'}", f"a{'b'}c" f"d{'e'}")
