n = 10**5000
try:
    s = str(n)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(len(hex(n)) > 4000)
print(n.bit_length())
