# while loops inside for loops, for loops inside while loops, and while in while.


def collatz_total(n):
    total = 0
    for start in range(1, n):
        x = start
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            total += 1
    return total


def digits_sum(n):
    s = 0
    i = 0
    while i < n:
        for d in range(3):
            s += (i >> d) & 1
        i += 1
    return s


def while_while(n):
    s = 0
    i = 0
    while i < n:
        j = i
        while j > 0:
            s += j & 3
            j -= 3
        i += 1
    return s


def gcd_sum(n):
    s = 0
    for a in range(1, n):
        for b in range(1, 30):
            x = a
            y = b
            while y:
                x, y = y, x % y
            s += x
    return s


print(collatz_total(600))
print(digits_sum(5000))
print(while_while(900))
print(gcd_sum(150))
