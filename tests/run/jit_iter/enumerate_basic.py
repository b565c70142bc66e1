# enumerate loops over lists, tuples and ranges, with start values, in hot functions
def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def part_A_times_u(i, u):
    partial_sum = 0
    for j, u_j in enumerate(u):
        partial_sum += eval_A(i, j) * u_j
    return partial_sum


def weighted(xs, start):
    t = 0
    for i, x in enumerate(xs, start):
        t += i * x
    return t


def over_range(r):
    t = 0
    for i, x in enumerate(r):
        t += i - x
    return t


u = [1] * 40
print(sum(part_A_times_u(i, u) for i in range(40)))
u = [float(k) for k in range(40)]
print(sum(part_A_times_u(i, u) for i in range(40)))
for start in (0, 5, -7, 2**62, -(2**63)):
    print(start, sum(weighted([1, 2, 3, 4, 5] * 6, start) for _ in range(10)))
print(sum(weighted((1.5, 2.5, -3.0) * 9, 3) for _ in range(10)))
print(sum(over_range(range(50)) for _ in range(5)))
print(sum(over_range(range(50, 0, -1)) for _ in range(5)))
print(sum(over_range(range(0, 50, 3)) for _ in range(5)))
# big-int starts and counts crossing 2**63: never compiled wrongly
for start in (2**63 - 20, 2**63, 2**64, -(2**63) - 1):
    print(start, sum(weighted(list(range(30)), start) for _ in range(8)))
# the count after the loop
e = enumerate([10, 20, 30, 40] * 20, 100)
for i, x in e:
    if i == 150:
        break
print(next(e), list(e)[:2])
