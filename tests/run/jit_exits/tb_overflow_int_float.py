# OverflowError: an int grows too large for float conversion inside a hot loop.
x = 1
for i in range(2000):
    x *= 3
    y = x / 7
    if i % 200 == 0:
        print(i, y > 0)
