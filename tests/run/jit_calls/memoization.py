# A dict memo inside a recursive function, looked up in a hot loop.
memo = {}

def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    if n in memo:
        return memo[n]
    r = ways(n - 1) + ways(n - 2) + ways(n - 3)
    memo[n] = r
    return r

print([ways(n) for n in range(0, 200, 25)])
print(len(memo))
