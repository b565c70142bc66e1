for v in [1, 1.0, "s", "it's", b"b", [1, "a"], (1,), {"k": "v"}, {1}, None, True, 1j, range(3), slice(1, 2)]:
    print(repr(v), str(v), ascii(v))
print(ascii("naïve ☃"), repr("naïve ☃"), ascii(["é"]), ascii(b"\xff"))
