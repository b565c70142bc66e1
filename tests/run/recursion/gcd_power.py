def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
def power(b, e):
    if e == 0:
        return 1
    half = power(b, e // 2)
    return half * half * (b if e % 2 else 1)
print(gcd(1071, 462), gcd(2**64, 6**30), power(3, 100), power(2, 0))
def digits(n):
    return [n] if n < 10 else digits(n // 10) + [n % 10]
print(digits(9876543210))
