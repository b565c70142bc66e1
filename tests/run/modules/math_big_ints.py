import math
n = 10**100
print(math.log10(n), math.log2(2**1000), math.sqrt(n), math.isqrt(n) == 10**50)
print(math.floor(n) == n, math.ceil(n + 0.0) == n, math.gcd(n, 2**300), math.lcm(10**20, 15**10))
print(math.comb(200, 100) % 10**9, math.factorial(50) % (2**61 - 1))
try:
    math.sqrt(10**400)
except OverflowError as e:
    print("OverflowError:", e)
print(math.log(10**400) > 920, math.exp(math.log(10**20)) > 9.99e19)
