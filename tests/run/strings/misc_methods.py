print("hello world".title(), "a-b_c d".title(), "hello"[::-1].upper())
print("x".join("abc"), "abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1))
print("%s" % "x", "abc".__add__("d"), "ab".__mul__(2), "abc".__eq__("abc"))
s = "The quick brown fox"
print(s.lower().split(), [w.capitalize() for w in s.split()], s.swapcase())
print(" ".join(reversed(s.split())), s.count(" ") + 1, s.index("q"))
print(len(s.encode("utf-8")), s.isascii(), s.upper().isupper())
