# Machine-int fast path of binary operators: shifts, powers, floor division and
# modulo at the i64 boundaries must match the big-int results.
vals = [0, 1, -1, 2, -2, 3, 7, -7, 2**31, -2**31, 2**62, -2**62, 2**63-1, -2**63, 12345678901]
cnt = [0, 1, 2, 5, 31, 32, 62, 63, 64, 65, 100]
out = []
for x in vals:
    for y in cnt:
        out.append((x >> y, x << y if y < 70 else 0, x ** (y % 6), x & y, x | y, x ^ y))
        if y:
            out.append((x // y, x % y, x // -y, x % -y))
    try:
        x << -1
    except ValueError as e:
        out.append(str(e))
    try:
        x >> -1
    except ValueError as e:
        out.append(str(e))
    out.append(x ** -1 if x else 0)
a = 5
a >>= 1; a <<= 3; a **= 2
out.append(a)
for o in out:
    print(o)
