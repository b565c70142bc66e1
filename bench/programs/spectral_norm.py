"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i + j) * (i + j + 1) / 2 + i + 1).

Size: the dimension n of the truncated matrix. Ten power iterations of A^T A.
Prints the estimated norm.
"""
import sys
import math


def a_elem(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a_elem(i, j) * v[j]
        out.append(total)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a_elem(j, i) * v[j]
        out.append(total)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main():
    n = 300
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    u = [1.0] * n
    v = u
    for k in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print("n =", n)
    print("norm:", math.sqrt(vbv / vv))


main()
