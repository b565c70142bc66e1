# `for` loops over ranges (the iterator is on the operand stack at the loop header):
# sums, negative steps, break with the iterator reused afterwards, nested loops, bounds
# near the 64-bit limits, and a loop whose body overflows into big ints.


def total(n):
    s = 0
    for i in range(n):
        s += i
    return s


def stepped(a, b, c):
    s = 0
    k = 0
    for i in range(a, b, c):
        s = s * 3 % 1000003 + i
        k += 1
    return s, k


def resumable(n):
    it = iter(range(0, n, 3))
    first = 0
    for x in it:
        if x > 200:
            break
        first += x
    rest = 0
    for y in it:
        rest += y
    return first, rest, x, y


def nested(n):
    s = 0
    for i in range(n):
        for j in range(i, n, 7):
            s += i ^ j
    return s


def big(n):
    x = 1
    for i in range(n):
        x = x * 3 + i
    return x


print(total(0), total(1), total(1000), total(100000))
print(stepped(0, 1000, 7), stepped(1000, -1000, -13), stepped(5, 5, 1), stepped(-300, 300, 1))
print(stepped(2**63 - 400, 2**63 - 1, 3), stepped(-(2**63) + 250, -(2**63), -2))
print(resumable(1000), resumable(250))
print(nested(60))
print(big(100))
