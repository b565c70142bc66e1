a = [1, [2, 3]]
b = a
c = a[:]
d = a.copy()
e = list(a)
a[0] = 100
a[1].append(4)
print(a, b, c, d, e)
print(a is b, a is c, c == d, c[1] is a[1])
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
