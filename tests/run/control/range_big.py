r = range(10**20)
print(r, r[-1], (10**20 - 1) in r, r[10**19], 5 in r, -1 in r, bool(r), bool(range(10**20, 0)))
print(range(0, 10**20, 3)[5], 9 in range(0, 10**20, 3), 10 in range(0, 10**20, 3))
print(range(10**20) == range(10**20), type(r).__name__)
try:
    len(r)
except OverflowError as e:
    print("OverflowError:", e)
try:
    r[10**20]
except IndexError as e:
    print("IndexError:", e)
it = iter(range(10**20, 10**20 + 3))
print(next(it), next(it), list(range(10**20, 10**20 + 3)))
