# // and % by powers of two (a shift and a mask in traces) on negative, extreme and
# big-int operands, and the divisors next to them
def divmods(lo, hi, step):
    t = 0
    for x in range(lo, hi, step):
        t += x // 2 + x % 2 * 3 + x // 8 * 5 + x % 16 * 7 + x // 1024 - x % 4096
    return t


def others(lo, hi):
    t = 0
    for x in range(lo, hi):
        t += x // 3 + x % -2 + x // -4 + x % -8 + x // 1
    return t


def tri(n):
    # bm_spectral_norm's eval_A
    s = 0.0
    for j in range(n):
        for i in range(3):
            s += 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
    return s


def crossing(xs):
    t = 0
    for x in xs:
        t += x // 4 + x % 4
    return t


print(divmods(-500, 500, 1), divmods(-10**6, 10**6, 997))
M = 2**63
print(divmods(-M, -M + 300, 1), divmods(M - 300, M - 1, 1))
print(others(-300, 300))
print(tri(500))
print(crossing([5, -5, 7, -(2**63), 2**63 - 1] * 40 + [2**64, -(2**70), 3]))
print(crossing([5.5, -7.25] * 60 + [9]))
