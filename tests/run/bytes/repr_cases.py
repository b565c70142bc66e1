vals = [b"", b"\x00", b"\t\n\r", b"\x7f\x80", b"'", b'"', b"'\"", b"\\", b"abc\xff", bytes(range(30, 40))]
for v in vals:
    print(repr(v), str(v), len(v))
print(repr(bytearray(b"x'y")), str(bytearray()))
