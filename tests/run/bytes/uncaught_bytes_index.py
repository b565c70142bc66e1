data = b"abc"
print(data[0], data[2])
print(data[3])
