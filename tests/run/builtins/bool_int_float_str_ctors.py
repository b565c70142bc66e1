print(bool(), bool(0), bool([]), bool("0"), int(), float(), str(), list(), tuple(), dict(), set())
print(int("10"), int(10.9), float("1e2"), str(1e100), complex("1+2j"), bytes(2), bytearray(b"a"))
print(list("ab"), tuple([1]), dict(a=1), set([1, 1]), frozenset("aa"))
print(type(bool(1)).__name__, int(" 7 "), float(" -0 "), str(b"x", "ascii"))
