x = 3.75
print(x.is_integer(), (4.0).is_integer(), x.as_integer_ratio(), (0.1).as_integer_ratio())
print(x.hex(), (1.0).hex(), (-0.1).hex(), (0.0).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"))
print(x.real, x.imag, x.conjugate(), int(x), x.__trunc__())
print(float.fromhex("inf"), (1e308).hex())
import math
print(math.trunc(-3.7), math.floor(-3.7), math.ceil(-3.2), int(-3.7))
print((2.5).__round__(), (0.5).__floor__() if hasattr(0.5, "__floor__") else math.floor(0.5))
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print("OverflowError:", e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print("ValueError:", e)
