def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(30))
print(fact(100))
f = fact(500)
s = str(f)
print(len(s), s[:20], s[-20:])
print(f % 1000003, f // fact(498))
