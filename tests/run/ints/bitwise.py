a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(-6 & 3, -6 | 3, -6 ^ 3, -6 & -3, -6 | -3, -6 ^ -3)
big = 2**100 + 5
print(big & 0xFF, big | 1, big ^ big, big & -big)
print((-big) & 0xFFFF, (-big) | 0xF, (-big) ^ 2**80)
print(bin(0b1111 & ~0b0101))
print(True & 3, False | 4, True ^ 1)
for x in range(-3, 4):
    print(x, x & 1, x | 8, x ^ -1)
