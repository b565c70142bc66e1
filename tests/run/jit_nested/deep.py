# Three and four levels of nested loops, lists and floats (matmul-like kernels).


def matmul(a, b, n):
    c = []
    for i in range(n):
        row_a = a[i]
        row_c = [0.0] * n
        for k in range(n):
            aik = row_a[k]
            row_b = b[k]
            for j in range(n):
                row_c[j] += aik * row_b[j]
        c.append(row_c)
    return c


def make(n, seed):
    rows = []
    x = seed
    for i in range(n):
        row = []
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            row.append((x % 1000) / 500.0 - 1.0)
        rows.append(row)
    return rows


def four(n):
    s = 0
    for a in range(n):
        for b in range(a, n):
            for c in range(b, n):
                for d in range(c, n):
                    s += (a ^ b) + (c & d)
    return s


def three_while(n):
    s = 0
    i = 0
    while i < n:
        j = 0
        while j < i:
            k = 0
            while k < j:
                s += k
                k += 1
            j += 1
        i += 1
    return s


n = 24
a = make(n, 42)
b = make(n, 7)
c = matmul(a, b, n)
t = 0.0
for i in range(n):
    t += c[i][i]
print(round(t, 9), c[0][0], c[n - 1][3])
print(four(18))
print(three_while(40))
