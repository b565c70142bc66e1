# While loops over int locals: counters, sums, products, bit operations, floor division
# and modulo with negative operands (run as machine code once hot).


def sum_squares(n):
    i = 0
    s = 0
    while i < n:
        s += i * i
        i += 1
    return s


def countdown(n):
    steps = 0
    while n > 0:
        n -= 3
        steps += 1
    return n, steps


def mixed_ops(n):
    i = -n
    acc = 0
    while i < n:
        acc = acc + (i // 7) - (i % 5) + (i & 12) - (i | 3) + (i ^ 9)
        acc = acc + (i << 2) - (i >> 1)
        i += 1
    return acc


def collatz_steps(x):
    steps = 0
    while x != 1:
        if x % 2 == 0:
            x = x // 2
        else:
            x = 3 * x + 1
        steps += 1
    return steps


def unary(n):
    i = 0
    t = 0
    while i < n:
        t = -t + ~i
        i += 1
    return t


print(sum_squares(0), sum_squares(1), sum_squares(10), sum_squares(5000))
for k in (0, 1, 2, 3, 1000, 1001, 1002):
    print(k, countdown(k))
print(mixed_ops(300))
print([collatz_steps(x) for x in (1, 2, 3, 7, 27, 97, 871)])
print(unary(1001), unary(1000))
total = 0
for rep in range(5):
    total += sum_squares(200 + rep)
print(total)
