s = "abc✓"
for ch in s:
    print(ch, ord(ch), hex(ord(ch)))
print([chr(i) for i in range(65, 70)], chr(0x1F600) == "\U0001F600", chr(955))
print(list(reversed("abc")), sorted("banana"), list(enumerate("xy")))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
