n = 1000
print(n.bit_length(), (0).bit_length(), (-255).bit_length(), (2**100).bit_length())
print(n.bit_count(), (-7).bit_count(), (2**100 - 1).bit_count())
print(n.to_bytes(2, "big"), n.to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"", "big"))
print(n.as_integer_ratio(), n.numerator, n.denominator, n.real, n.imag)
print(n.conjugate(), (5).__abs__(), int.__add__(2, 3))
print((255).to_bytes(1, "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
print(True.bit_length(), (10).is_integer() if hasattr(10, "is_integer") else "n/a")
