b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], list(b[:2]))
print(b + b" world", b * 2, b"l" in b, 104 in b, b.upper(), b.find(b"l"), b.count(b"l"))
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(5)), bytes(b"x"))
print(b.hex(), bytes.fromhex("48 65 6c"), b.hex(":"), b.decode(), repr(b"\x00\xff\n'\""))
print(b.split(b"l"), b"a,b".split(b","), b" x ".strip(), b"-".join([b"a", b"b"]), b.replace(b"l", b"L"))
print(b.startswith(b"he"), b.endswith((b"lo", b"x")), b.isalpha(), b"123".isdigit(), b.index(b"o"))
print(b == b"hello", b < b"help", b"" < b"a", b != "hello")
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b + "x"
except TypeError as e:
    print("TypeError:", e)
