for v in [0.0, 0.9, -0.9, 1e15, 1.23e20, -1e25, 2.0**100, 1.5e300]:
    i = int(v)
    print(repr(v), i, float(i) == v)
print(int(1e16), int(123456789.987))
import math
print(math.floor(2.5), math.ceil(2.5), math.floor(-2.5), math.ceil(-2.5), type(math.floor(2.5)).__name__)
print(int(-0.0), float(int(-0.0)))
