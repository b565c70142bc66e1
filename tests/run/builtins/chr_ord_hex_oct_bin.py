print(chr(65), chr(97), chr(8364), chr(0), repr(chr(127)), ord("A"), ord("€"), ord("\n"), ord(b"a"))
print(hex(0), hex(255), hex(-1), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(hex(2**64), oct(2**30), bin(2**20))
print([chr(c) for c in range(ord("a"), ord("f"))])
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    oct(1.0)
except TypeError as e:
    print("TypeError:", e)
