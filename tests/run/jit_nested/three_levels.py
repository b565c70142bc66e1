# Three nested for-range loops, each range made in the enclosing loop's body, as in
# matrix code; and nests whose middle loop iterates a list.


def cube(n):
    s = 0
    for i in range(n):
        for j in range(i, n):
            for k in range(j, n):
                s += i * j - k
    return s


def matmul(n):
    a = [[(i * n + j) % 7 - 3.0 for j in range(n)] for i in range(n)]
    b = [[(i + 2 * j) % 5 - 2.0 for j in range(n)] for i in range(n)]
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
    return sum(sum(r) for r in c), c[n - 1][0]


def list_middle(n):
    rows = [[i * j for j in range(5)] for i in range(n)]
    t = 0
    for r in range(3):
        for row in rows:
            for j in range(len(row)):
                t += row[j] * (r + 1)
    return t


def steps(n):
    bodies = [[float(i), float(i * i), 1.0 + i] for i in range(5)]
    for step in range(n):
        for i in range(5):
            b1 = bodies[i]
            for j in range(i + 1, 5):
                b2 = bodies[j]
                d = b1[0] - b2[0]
                b1[1] -= d * 0.001
                b2[1] += d * 0.001
        for body in bodies:
            body[0] += 0.01 * body[1]
    return [round(b[0], 6) for b in bodies]


print(cube(30))
print(matmul(24))
print(list_middle(50))
print(steps(300))
