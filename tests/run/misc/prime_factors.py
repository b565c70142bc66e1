def factorize(n):
    f = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            f.append(d)
            n //= d
        d += 1
    if n > 1:
        f.append(n)
    return f
for n in [2, 12, 97, 360, 1001, 2**31 - 1, 600851475143, 10**12 + 39]:
    print(n, factorize(n))
def is_prime(n):
    return n > 1 and factorize(n) == [n]
print([n for n in range(50) if is_prime(n)])
