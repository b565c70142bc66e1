# Sieve of Eratosthenes with nested while and for loops.
def main():
    N = 3000
    flags = [True] * (N + 1)
    flags[0] = flags[1] = False
    p = 2
    while p * p <= N:
        if flags[p]:
            for m in range(p * p, N + 1, p):
                flags[m] = False
        p += 1
    primes = [i for i in range(N + 1) if flags[i]]
    print(len(primes), primes[:10], primes[-3:], sum(primes))


main()
