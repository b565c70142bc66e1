x = 2**10000
s = str(x)
print(len(s))
print(s[:50])
print(s[-50:])
y = 7**3000
print(len(str(y)), str(y)[:30])
print(int(s) == x)
print(len(repr(-x)), repr(-x)[:10])
n = 10**4299
print(len(str(n)))
