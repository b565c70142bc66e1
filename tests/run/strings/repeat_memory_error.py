# Repeating a str, bytes or bytearray into a result that cannot be allocated raises
# MemoryError (never an abort); normal repeats still work.
for seq in ["x" * 100, b"y" * 100, bytearray(b"z" * 100)]:
    try:
        r = seq * 2**40
        print(len(r))
    except MemoryError:
        print("MemoryError", type(seq).__name__)
b = bytearray(b"ab")
try:
    b *= 2**60
except MemoryError:
    print("MemoryError in place", b)
print(len("ab" * 3), b"ab" * 2, bytearray(b"q") * 3, "é" * 3)
