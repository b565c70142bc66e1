# Strs of up to 54 bytes of UTF-8 are kept inside the object, longer ones on the heap:
# lengths, equality, hashing, dict keys, slicing and concatenation across the boundary.
def texts():
    out = []
    for n in (0, 1, 53, 54, 55, 60, 200):
        out.append("a" * n)
    # multi-byte characters straddling the 54-byte boundary
    out.append("é" * 26 + "xy")      # 54 bytes
    out.append("é" * 27 + "x")       # 55 bytes
    out.append("€" * 18)             # 54 bytes
    out.append("€" * 17 + "xyz")     # 54 bytes
    out.append("😀" * 13 + "xy")     # 54 bytes
    out.append("😀" * 14)            # 56 bytes
    return out

for t in texts():
    b = t.encode()
    print(len(t), len(b), t[:3], t[-3:], t == b.decode(), hash(t) == hash(b.decode()))

# concatenation that crosses the boundary in both directions
a = "x" * 30
b = "y" * 24
c = a + b
d = c + "z"
print(len(c), len(d), c.endswith("y"), d[-2:], (a + b) == c, (a + b) is not c)
e = "ü" * 20
f = e + e            # 80 bytes, 40 characters
print(len(e + "a"), len(f), f[19:21], f.count("ü"))

# dict keys built in different ways must find each other
keys = {}
for n in (50, 54, 55, 70):
    keys["k" * n] = n
for n in (50, 54, 55, 70):
    built = "".join(["k"] * n)
    print(n, keys[built], built in keys)

# str methods on both representations
for t in ("Hello World " * 4, "Hello World " * 5):
    print(len(t), t.lower()[:11], t.upper().count("O"), t.split()[:2], t.strip()[-5:], t.replace("o", "0")[:8])
print(sorted(["b" * 55, "b" * 54, "a" * 60, "a" * 3]) == ["a" * 3, "a" * 60, "b" * 54, "b" * 55])
print(repr("q" * 54)[-4:], str(12345678901234567890123456789012345678901234567890123456))
