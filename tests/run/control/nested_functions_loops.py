def matrix_mult(a, b):
    rows, cols, inner = len(a), len(b[0]), len(b)
    out = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            out[i][j] = s
    return out
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
print(matrix_mult(a, b))
m = [[1, 1], [1, 0]]
r = [[1, 0], [0, 1]]
for _ in range(30):
    r = matrix_mult(r, m)
print(r[0][1])
