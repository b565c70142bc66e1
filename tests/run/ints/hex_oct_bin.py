for v in (0, 1, 255, -255, 2**64, -(2**70) + 1):
    print(hex(v), oct(v), bin(v))
print(format(255, "x"), format(255, "X"), format(255, "#x"), format(255, "o"), format(255, "#b"))
print(f"{255:08b}", f"{-255:#010x}", f"{10**20:_x}")
print(int(hex(2**100), 16) == 2**100)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
