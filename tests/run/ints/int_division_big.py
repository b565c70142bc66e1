a = 10**40 + 12345
b = 987654321987654321
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(divmod(a, b) == (a // b, a % b))
print(a / b)
print((2**200) / (2**100))
print(2**1024 // 3 % 1000)
print(7 / 10**400 if False else 7 // 10**400)
print(1 / 3)
