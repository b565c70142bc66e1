coords = (1, 2)
print(coords[0])
coords[0] = 5
