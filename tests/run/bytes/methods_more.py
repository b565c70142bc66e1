b = b"  Hello, Bytes World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.lower(), b.upper(), b.split(), b.split(b","))
print(b.strip().partition(b" "), b.strip().rpartition(b" "), b.count(b"l"), b.rfind(b"o"), b.find(b"zz"))
print(b"-".join([b"a", b"b", b"c"]), b"abc".replace(b"b", b"XX"), b"a\tb".expandtabs(4), b"abc".center(7, b"*"))
print(b"42".zfill(5), b"hello world".title(), b"HeLLo".swapcase(), b"abc".startswith((b"x", b"a")))
print(b"line1\nline2\r\nline3".splitlines(), b"line1\nline2".splitlines(True))
print(b"abc".isalpha(), b"ABC".isupper(), b"   ".isspace(), b"Title Case".istitle(), b"a1".isalnum())
print(bytes.fromhex("deadbeef"), b"\xde\xad".hex(), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"))
