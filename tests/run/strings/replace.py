s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print("aaa".replace("a", "bb"), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("abc".replace("x", "y"), "".replace("", "x"), "aaaa".replace("aa", "b"))
print("hello".replace("l", ""), "Mississippi".replace("ss", "SS"))
