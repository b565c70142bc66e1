# Slicing lists and strings with varying bounds and steps inside loops.
xs = list(range(100))
acc = 0
for i in range(-120, 120, 3):
    acc += len(xs[i:]) + len(xs[:i]) + sum(xs[i:i + 5])
print(acc)
s = "abcdefghijklmnopqrstuvwxyz"
out = []
for step in (1, 2, -1, -3, 5):
    out.append(s[::step][:6])
print(out)
ys = list(range(30))
for k in range(5):
    ys[k:k + 2] = [k * 100]
print(ys[:10], len(ys))
