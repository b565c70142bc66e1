"""Dense matrix multiply on lists of lists of floats (the textbook i-k-j loop).

Size: the matrix side n (200 gives a 200x200 by 200x200 product). Prints the
trace and a few elements of the product.
"""
import sys


def make_matrix(n, seed):
    rows = []
    x = seed
    for i in range(n):
        row = []
        for j in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            row.append((x % 1000) / 500.0 - 1.0)
        rows.append(row)
    return rows


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


def main():
    n = 200
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    a = make_matrix(n, 42)
    b = make_matrix(n, 7)
    c = matmul(a, b, n)
    trace = 0.0
    for i in range(n):
        trace += c[i][i]
    print("trace:", trace)
    print("c[0][0] =", c[0][0], "c[n-1][0] =", c[n - 1][0])


main()
