# abs, round, int(), float() applied to values whose type changes in the loop.
out = []
for i in range(120):
    v = i - 60 if i < 60 else (i - 60) / 4 - 7.3
    out.append((abs(v), round(v), int(v), float(v)))
print(out[::15])
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(1234, -2), round(-0.5))
print(int("  -42 "), int("1_000"), int(2.9), int(-2.9), int(1e20), float("1e-5"), float(" inf "))
