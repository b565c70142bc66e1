# &, |, ^ with negatives and big ints in a loop.
a = 0
for i in range(200):
    a ^= (i * 2654435761) & 0xFFFFFFFF
    a |= i << 40 if i % 50 == 0 else 0
print(a)
print(-1 & 0xFF, -256 | 15, -2**64 ^ 1, (2**70 - 1) & -2**65, ~2**64 | 3)
x = -2**63
for i in range(3):
    print(x & (x - 1), x | (x + 1), x ^ -1)
    x -= 1
