# A loop body of about 2,900 bytecode instructions (the shape of pyperformance's
# bm_unpack_sequence): long traces compile, and their exits restore every local.


def unpack_many(loops, seq):
    total = 0
    for n in range(loops):
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        if n == loops - 3:
            seq = (j, i, h, g, f, e, d, c, b, 2.5)
        total += a
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        total += a + j
    return total, a, b, c, d, e, f, g, h, i, j


print(unpack_many(400, tuple(range(10))))
print(unpack_many(400, list(range(10, 20))))
print(unpack_many(7, tuple(range(10))))
try:
    unpack_many(300, (1, 2, 3))
except ValueError as exc:
    print("ValueError:", exc)


def unpack_then_fail(loops, seq):
    out = []
    for n in range(loops):
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        x, y = seq
        out.append(x * y)
        if n == 250:
            seq = (x, "s")
    return out[-3:], x, y


print(unpack_then_fail(260, (3, 4)))
