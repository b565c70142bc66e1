for s in ["hello world", "HELLO", "hElLo WoRlD", "straße", "ǅungla", "it's o'neil", "123abc def", ""]:
    print(repr(s), s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold())
print("ß".upper(), "İ".lower(), len("İ".lower()), "ﬁ".upper())
