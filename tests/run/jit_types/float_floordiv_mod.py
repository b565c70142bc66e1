# Float // and % with negatives and zeros, in a loop.
out = []
x = -5.5
while x <= 5.5:
    out.append((x // 2, x % 2, x // -2, x % -2))
    x += 0.5
print(out[:6])
print(out[-3:])
print(-0.0 // 1, 0.0 % -1, -1e-300 % 1, 5.0 % float("inf"), -5.0 % float("inf"))
print(7 // 2.0, -7 // 2.0, 7 % -2.0, 1e16 // 3, 2**63 // 1.0)
