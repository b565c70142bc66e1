# A dict held by a global, read, counted into and rebound inside loops.

TABLE = {i: i * i for i in range(50)}
COUNTS = {}


def use_table(n):
    total = 0
    for i in range(n):
        total += TABLE[i % 50]
        COUNTS[i % 7] = COUNTS.get(i % 7, 0) + 1 if i % 7 in COUNTS else 1
    return total


print(use_table(400), sorted(COUNTS.items()))
TABLE = {i: -i for i in range(50)}
print(use_table(400), sorted(COUNTS.items()))
g = globals()
for i in range(300):
    g["dyn_" + str(i % 3)] = i
    TABLE[i % 50] = i
print(dyn_0, dyn_1, dyn_2, sum(TABLE.values()))
