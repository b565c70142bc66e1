r = range(10**30)
print(r[10**29], r[-1], 10**29 in r, r.index(5), r.count(7), r[10**20:10**21:7][3], reversed(r).__next__())
try:
    print(len(r))
except OverflowError as e:
    print('OverflowError', e)
print(bool(r), r == range(10**30), hash(range(0)) == hash(range(0)))
for i in range(-10**30, -10**30 + 3): print(i)
print(list(range(2**63 - 2, 2**63 + 2)), list(range(-2**63 - 1, -2**63 + 1)))
print(range(0, 10**30, 10**29)[::-1][0], len(range(2**62, -2**62, -1).__reversed__().__class__.__name__))
print(list(range(2**63 - 1, 2**63 - 5, -1)), range(2**64)[2**63], range(-2**64, 0)[-1])
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
print(range(10**20)[::2**62].step, len(range(0, 2**63, 2**62)))
