s = "banana"
print(s.count("a"), s.count("an"), s.count("ana"), s.count(""), s.count("x"))
print(s.count("a", 2), s.count("a", 2, 4), s.count("a", -2), "".count(""), "aaaa".count("aa"))
print("abc".count("", 1), "abc".count("", 10))
