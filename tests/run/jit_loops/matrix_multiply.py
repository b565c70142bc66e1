# Matrix multiplication over nested lists, int then float matrices.
def mul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            s = 0
            for k in range(m):
                s += a[i][k] * b[k][j]
            c[i][j] = s
    return c

a = [[i + j for j in range(8)] for i in range(8)]
b = [[(i * j) % 5 for j in range(8)] for i in range(8)]
print(mul(a, b)[3])
f = [[(i - j) / 4 for j in range(8)] for i in range(8)]
print(mul(a, f)[7])
big = [[2**40 + i for i in range(4)] for _ in range(4)]
print(mul(big, big)[0])
