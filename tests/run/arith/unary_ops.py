for v in (0, 5, -5, 2.5, -0.0, True, 10**20):
    print(repr(v), -v, +v, abs(v))
for v in (0, 5, -5, True, 2**70):
    print(v, ~v, ~~v)
try:
    ~1.5
except TypeError as e:
    print(e)
try:
    -"s"
except TypeError as e:
    print(e)
