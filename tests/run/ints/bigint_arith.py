a = 2**100
b = 3**70
print(a, b)
print(a + b, a - b, b - a)
print(a * b)
print(a // b, a % b, b // 12345, b % 12345)
print(-a // 7, -a % 7)
print(a ** 3)
print(a == 1267650600228229401496703205376, a > b, a < b)
print(int("9" * 50) + 1)
print(-(2**64), abs(-(2**64)))
print((2**64 - 1) * (2**64 + 1) == 2**128 - 1)
print(10**50 // 10**25, 10**50 / 10**25)
print(type(2**200).__name__)
