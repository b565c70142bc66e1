# An OverflowError escapes from a hot float loop: traceback + exit status 1.
def grow(x, n):
    for i in range(n):
        x = x ** 2
    return x

print(grow(1.0001, 10))
total = 0.0
for k in range(200):
    total += grow(1.01, 5)
print(round(total, 3))
print(grow(10.0, 200))
