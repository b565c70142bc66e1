tests = ["abc", "ABC", "Abc", "123", "12.3", "abc123", "", " ", " \t\n", "Hello World", "hello world",
         "²", "Ⅻ", "٣", "ab_c", "_id", "1abc", "class", "a b", "\x00", "ñ", "Title Case", "UPPER CASE 1"]
for s in tests:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
