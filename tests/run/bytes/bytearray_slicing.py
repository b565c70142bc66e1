ba = bytearray(b"0123456789")
print(ba[2:5], ba[::2], ba[::-1], ba[-3:])
ba[2:5] = b"ab"
print(ba)
ba[::3] = b"XXX"
print(ba)
del ba[1::2]
print(ba)
ba[0:0] = b">>"
print(ba, len(ba))
ba2 = bytearray(5)
ba2[1] = 255
print(ba2, list(ba2), ba2 == bytearray(b"\x00\xff\x00\x00\x00"))
try:
    ba2[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    ba2[10]
except IndexError as e:
    print("IndexError:", e)
