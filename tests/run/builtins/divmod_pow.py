print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(2**70, 3))
print(pow(2, 8), pow(2.0, 3), pow(2, -2), pow(7, 3, 5), pow(-1, 0.5))
print(pow(base=3, exp=4), pow(3, 4, mod=5))
print(pow(0, 0), pow(0.0, 0.0), pow(1, 10**10))
