# Integer shifts on the interpreter's inline BINARY_OP path: counts at and past the word
# size, results that overflow into big ints, negative operands and negative counts.

values = [0, 1, -1, 5, -5, 2**31 - 1, -(2**31), 2**62, -(2**62), 2**63 - 1, -(2**63)]
counts = [0, 1, 2, 31, 32, 62, 63, 64, 65, 100, 1000]

for x in values:
    row = []
    for n in counts:
        row.append(x >> n)
    print(x, row)

for x in values:
    row = []
    for n in counts[:9]:
        row.append(x << n)
    print(x, row)

for x in values:
    y = x
    y >>= 3
    z = x
    z <<= 3
    print(x, y, z)

for x, n in [(1, -1), (5, -3), (-1, -100)]:
    try:
        print(x >> n)
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(x << n)
    except ValueError as e:
        print("ValueError:", e)

# a loop, so that the site is hot
acc = 0
s = 12345
for i in range(2000):
    s = (s * 1103515245 + 12345) % 2147483648
    acc ^= (s >> 8) + (s << (i % 70))
    acc &= (1 << 80) - 1
print(acc)
print(True << 3, True >> 1, 7 >> True)
