result = []
for i in range(5):
    if i == 3:
        continue
    for j in range(5):
        if j > i:
            break
        if (i + j) % 2:
            continue
        result.append((i, j))
print(result)
count = 0
outer_done = False
for a in range(10):
    for b in range(10):
        count += 1
        if a * b == 12:
            outer_done = True
            break
    if outer_done:
        break
print(a, b, count)
