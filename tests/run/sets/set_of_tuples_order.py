s = {(1, 2), (3, 4)}
print((1, 2) in s, (2, 1) in s, len(s), sorted(s))
coords = set()
for x in range(3):
    for y in range(3):
        if (x + y) % 2 == 0:
            coords.add((x, y))
print(sorted(coords), len(coords))
print(sorted({(i % 3, i % 2) for i in range(12)}))
