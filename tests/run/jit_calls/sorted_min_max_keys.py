# sorted/min/max with key functions inside loops; stability of equal keys.
data = [(i * 37 % 17, i) for i in range(120)]
s = sorted(data, key=lambda t: t[0])
print(s[:6], s[-3:])
print(min(data, key=lambda t: (t[0], -t[1])), max(data, key=lambda t: t[0]))
acc = 0
for i in range(100):
    acc += sorted([i % 3, i % 5, i % 7], reverse=True)[0]
print(acc)
