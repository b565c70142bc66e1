# Keyword arguments in varying order and mixtures in a hot loop.
def point(x, y, z=0, *, scale=1):
    return (x * scale, y * scale, z * scale)

acc = [0, 0, 0]
for i in range(200):
    if i % 4 == 0:
        p = point(i, i + 1)
    elif i % 4 == 1:
        p = point(y=i, x=2)
    elif i % 4 == 2:
        p = point(1, 2, z=i, scale=3)
    else:
        p = point(scale=-1, z=1, y=2, x=i)
    for j in range(3):
        acc[j] += p[j]
print(acc)
try:
    point(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
try:
    point(1, x=2)
except TypeError as e:
    print("TypeError", e)
