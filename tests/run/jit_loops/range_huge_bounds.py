# Ranges whose bounds sit at and beyond the i64 limits.
M = 2**63
for start, stop, step in [(M - 5, M + 5, 1), (-M - 3, -M + 3, 1), (M + 3, M - 3, -1),
                          (-M + 2, -M - 2, -1), (M - 10, M + 10, 4), (0, 2 * M, M // 2 + 1)]:
    xs = []
    for i in range(start, stop, step):
        xs.append(i - M if i >= 0 else i + M)
    print(xs, len(range(start, stop, step)))
r = range(-M, M)
print(r[0], r[-1], r[M], len(range(0, M)) if False else "skip", (M - 1) in r, M in r)
try:
    len(r)
except OverflowError as e:
    print("OverflowError", e)
