# Lists appended to, popped and sliced while a loop walks them.
xs = [0]
i = 0
while i < len(xs) and len(xs) < 200:
    xs.append(xs[i] + 1)
    if i % 3 == 0:
        xs.append(-xs[i])
    i += 1
print(len(xs), xs[-5:], sum(xs))
ys = list(range(100))
for v in ys[:]:
    if v % 3:
        ys.remove(v)
print(ys[:10], len(ys))
zs = list(range(50))
for idx in range(len(zs) - 1, -1, -1):
    if zs[idx] % 4 == 1:
        del zs[idx]
print(len(zs), zs[:8])
