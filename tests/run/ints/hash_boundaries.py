# hash() of ints around the modulus 2**61 - 1 (an int below it is its own hash), in sets
# and dicts, and of the 64-bit extremes.
M = 2**61 - 1
for v in (0, 1, 7, M - 2, M - 1, M, M + 1, 2 * M, 2 * M + 5, 2**62, 2**63 - 1, -(2**63),
          -1, -2, -M + 1, -M, -M - 1, -(2**62)):
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 2**53 else "-")
s = set(x for x in (M - 1, M, M + 1, 2 * M, 0, 1, -1, -2))
print(sorted(s), len(s))
d = {M: "m", 0: "zero", M + 1: "m+1", 1: "one"}
print(d[M], d[0], d[M + 1], d[1], sorted(d))
print(len({hash(i) for i in range(M - 3, M + 3)}))
