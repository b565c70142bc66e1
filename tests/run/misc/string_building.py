parts = []
for i in range(50000):
    parts.append(str(i % 10))
s = "".join(parts)
print(len(s), s[:20], s.count("7"))
acc = ""
for i in range(5000):
    acc += chr(97 + i % 26)
print(len(acc), acc[-30:])
print(len(",".join(map(str, range(10000)))))
