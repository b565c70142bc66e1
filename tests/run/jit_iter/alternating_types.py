# a loop entered with different type mixes in turn: ints, floats, then a third kind;
# the JIT keeps the previous trace and swaps (results must not change)
def total(u):
    s = 0
    for j, x in enumerate(u):
        s += j * x
    return s


def plain(u):
    s = 0
    for x in u:
        s += x
    return s


ints = list(range(50))
floats = [0.5 * k for k in range(50)]
mixed = [1, 2.5] * 25
bigs = [2**64 + k for k in range(50)]
strs = ["a"] * 50
out = []
for rnd in range(6):
    for _ in range(130):
        out.append(total(ints))
    for _ in range(300):
        out.append(total(floats))
    if rnd % 2:
        for _ in range(20):
            out.append(total(mixed))
            out.append(total(bigs))
    print(rnd, sum(out[-400:]), out[-1])
for rnd in range(4):
    a = sum(plain(ints) for _ in range(150))
    b = sum(plain(floats) for _ in range(150))
    c = plain(strs * 0) if rnd == 3 else plain(bigs)
    print(rnd, a, b, c)
try:
    total(strs)
except TypeError as e:
    print("TypeError", e)
