# The same loop body breaks out at different iterations on each outer pass.
res = []
for stop in (0, 1, 2, 57, 99, 150, 1000):
    last = -1
    for i in range(200):
        if i == stop:
            break
        last = i
    else:
        last = "no-break"
    res.append((stop, last))
print(res)
i = 0
while True:
    i += 1
    if i * i > 20000:
        break
print(i)
