def naturals():
    n = 1
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
p = primes()
print([next(p) for _ in range(20)])
def take(n, it):
    return [x for _, x in zip(range(n), it)]
print(take(5, naturals()), take(0, naturals()))
squares = (n * n for n in naturals())
print(take(6, squares), take(2, squares))
