print(1 << 0, 1 << 1, 1 << 10, 1 << 64, 1 << 100)
print(1024 >> 3, 1024 >> 20, -1024 >> 3, -1 >> 100, -5 >> 1)
print(2**100 >> 90, (2**100 + 2**50) >> 49, -(2**100) >> 99)
print(5 << 62, -5 << 62, 0 << 1000)
print(255 >> 0, (-1) << 3)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 << 1.0
except TypeError as e:
    print("TypeError:", e)
