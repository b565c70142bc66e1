s = "ab"
print(s + "cd", s * 3, 3 * s, s * 0, s * -1, "" * 100)
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts, "".join(parts))
r = ""
for ch in "xyz":
    r += ch.upper()
print(r)
print("-" * 20)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * "b"
except TypeError as e:
    print("TypeError:", e)
