print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(10, 0, -3)), list(range(0)))
print(list(range(5, 2)), list(range(-5, -1)), list(range(1, -10, -4)))
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(3, 0, -1):
    print(i, end=" ")
print("liftoff")
r = range(0, 30, 7)
print(r, len(r), r[2], r[-1], r[1:3], 14 in r, 15 in r, r.index(21), r.count(7), list(reversed(r)))
print(range(3) == range(0, 3), range(0) == range(5, 5), range(1, 10, 2)[::-1], bool(range(0)))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
print(range(10**20)[-1], (10**20 - 1) in range(10**20), range(10**20)[10**19])
