data = [3, 8, 1, 9, 4]
total = 0
running = [total := total + v for v in data]
print(running, total)
pairs = [(a, b) for a in range(4) for b in range(a, 4) if (a + b) % 3 == 0]
print(pairs)
flat = [item for sub in [[1, 2], [], [3], [4, 5, 6]] for item in sub]
print(flat)
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print({(i, j): i * j for i in range(2) for j in range(2)})
