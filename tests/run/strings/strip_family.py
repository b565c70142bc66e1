s = "  \t hello \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abcba".lstrip("ab"), "abcba".rstrip("ab"))
print(repr("".strip()), repr("   ".strip()), "hello".strip(""), repr("\u3000x\u00a0".strip()))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("x"))
print("aaa".removeprefix("a"), "a.py.py".removesuffix(".py"))
