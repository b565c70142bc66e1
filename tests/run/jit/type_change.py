# A local changes type in the middle of a compiled loop (int to float, int to big int,
# int to None or str) and loops whose locals have another type at a later entry.


def int_then_float(n):
    x = 0
    i = 0
    while i < n:
        if i == n // 2:
            x = x + 0.5
        x = x + 1
        i += 1
    return x, i


def flip(n):
    v = 1
    i = 0
    while i < n:
        if i > 150:
            v = None
        i += 1
    return v


def retyped(n, start):
    i = 0
    s = start
    while i < n:
        s = s + start
        i += 1
    return s


def becomes_str(n):
    i = 0
    k = 0
    while i < n:
        if i == 170:
            k = "str"
            break
        k = k + 2
        i += 1
    return k, i


print(int_then_float(400))
print(flip(100), flip(300))
print(retyped(300, 1), retyped(300, 0.5), retyped(300, 2**70), retyped(300, True), retyped(300, 3))
print(becomes_str(100), becomes_str(1000))
for v in (1, 2.5, 7, -1.5, 10**20, 3):
    print(retyped(250, v))
