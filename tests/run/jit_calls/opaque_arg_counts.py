# Opaque calls (callees with a loop are not inlined) with 0 to 6 arguments of every kind,
# early returns from the callee's loop at every iteration, results whose type changes,
# an exception raised inside the callee's loop, and recursion through the called loop.

def zero():
    t = 0
    for k in range(3):
        t += k
    return t

def escape(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    i = 0
    while i < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        i += 1
    return limit

def many(a, b, c, d, e, f):
    s = 0
    j = 0
    while j < a:
        s += b + j
        if s > c:
            return (s, d, e, f)
        j += 1
    return s if e else str(s)

def mixed(x, y, z, w):
    n = 0
    while n < 4:
        if x is None:
            return "none"
        if n == w:
            return y + z * n
        n += 1
    return 1 / (w - 5)

def down(k):
    i = 0
    while i < 2:
        i += 1
    if k <= 0:
        return 0
    return down(k - 1) + i

def main():
    total = 0
    for r in range(60):
        total += zero()
        total += escape(-2.0 + r * 0.05, (r % 7) * 0.2 - 0.6, 20 + r % 3)
        total += escape(0.25, 0.0, r)
    print("escape", total)
    out = []
    for r in range(40):
        out.append(many(r % 5, r, 3 * r, "d", r % 2 == 0, [r]))
    print("many", out[:6], out[-3:])
    res = []
    for r in range(30):
        try:
            res.append(mixed(None if r == 17 else r, 1.5 if r % 3 else 2, r, r % 6))
        except ZeroDivisionError as e:
            res.append("zde: " + str(e))
    print("mixed", res)
    acc = 0
    for r in range(25):
        acc += down(r % 6)
    print("down", acc)

main()
