b = b"AZaz09"
for x in b:
    print(x, end=" ")
print()
print([chr(x) for x in b], list(enumerate(b[:2])), sum(b), max(b), sorted(b))
print(bytes([x + 1 for x in b]), b.lower(), b.swapcase(), b.title(), b"a b".capitalize())
print(int.from_bytes(b, "big"), b.isalnum(), b.zfill(8), b.center(10, b"*"), b.ljust(8, b"."))
print(bytes.maketrans(b"ab", b"xy"), b"abc".translate(bytes.maketrans(b"ab", b"xy")), b"abc".translate(None, b"b"))
print(b"%s-%d-%x" % (b"x", 5, 255), b"%5s|" % b"ab", b"%c" % 65)
print(memoryview(b"abc")[1], bytes(memoryview(b"abc")[1:]))
