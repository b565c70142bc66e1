# int <-> str conversions in a loop over values crossing 64 bits.
out = []
for e in range(55, 70):
    n = 2**e - 1
    s = str(n)
    out.append((len(s), int(s) == n, int(s[::-1] or "0") % 97))
print(out)
x = 1
for i in range(100):
    x = int(str(x) + str(i % 10))
    if len(str(x)) > 25:
        x //= 10**10
print(x)
print(int("9223372036854775808"), int("-9223372036854775809"), hex(2**63), oct(-2**63), bin(2**64)[:6])
