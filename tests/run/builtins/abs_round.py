print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-10**30), abs(3 + 4j), abs(True))
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 12.345, 2.675, 1e15 + 0.5]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(123456, -3), round(-123456, -3), round(5, -1), round(15, -1), round(25, -1), round(35, -1))
print(round(0.0), round(-0.0), round(-0.4), repr(round(-0.4, 0)))
