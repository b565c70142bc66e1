# Loops whose branches go both ways often: side traces from hot guard exits that link
# back to the loop, side traces of side traces, and exits inside side traces.


def mixed(n):
    a = 0
    b = 0
    c = 0.0
    for i in range(n):
        if i % 3 == 0:
            a += i
        elif i % 3 == 1:
            b -= 1
            if i % 7 == 0:
                c += 0.5
        else:
            c += 1.0
    return a, b, c


def while_branches(n):
    i = 0
    x = 0
    while i < n:
        if i & 1:
            x += 3
        else:
            x ^= i
        if i % 100 == 99:
            x = x % 1000
        i += 1
    return x


def overflow_in_side(n):
    x = 1
    out = 0
    for i in range(n):
        if i % 2 == 0:
            x = x * 7 + 1
        else:
            x = x + 1
        if x > 10 ** 30:
            out += 1
            x = 1
    return out, x


def list_side(n):
    data = [0] * 10
    for i in range(n):
        k = i % 10
        if k < 5:
            data[k] += 1
        else:
            data[k] -= 2
    return data


print(mixed(5000))
print(while_branches(4000))
print(overflow_in_side(3000))
print(list_side(2000))
