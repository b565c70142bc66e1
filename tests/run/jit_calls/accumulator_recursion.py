# Recursive functions with accumulators, whose results cross 64 bits.
def power(b, e, acc=1):
    if e == 0:
        return acc
    return power(b, e - 1, acc * b)

print([power(3, e) for e in (10, 39, 40, 41, 100)])

def digits(n, acc=0):
    return acc if n == 0 else digits(n // 10, acc + n % 10)

print(digits(2**200), digits(10**100 - 1))

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

print(gcd(2**64, 6**30), gcd(12345678901234567890, 9876543210))
