s = "line1\nline2\r\nline3\rline4\n\nline6\x0bline7\x1cline8"
print(s.splitlines())
print(s.splitlines(True))
print("".splitlines(), "\n".splitlines(), "a\n".splitlines(), "a\n\n".splitlines(keepends=True))
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\tc\n1234\t5".expandtabs(4)))
print(repr("\t".expandtabs(0)), repr("x\ty".expandtabs(1)), repr("12345678\t9".expandtabs()))
