# Leaving compiled loops: break, return, continue, while/else, nested while loops, and
# loop conditions on bools and None.


def find_first(n, target):
    i = 0
    while i < n:
        if i * i > target:
            break
        i += 1
    else:
        return -1
    return i


def early_return(n):
    i = 0
    while True:
        i += 7
        if i > n:
            return i


def skip_odd(n):
    i = 0
    s = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        s += i
    return s


def nested(n, m):
    i = 0
    total = 0
    while i < n:
        j = 0
        while j < m:
            total += i * j
            j += 1
        i += 1
    return total


def flag_loop(n):
    done = False
    i = 0
    while not done:
        i += 1
        done = i >= n
    return i, done


def none_loop(n):
    x = None
    i = 0
    while x is None:
        i += 1
        if i == n:
            x = i
    return x


print(find_first(1000, 5000), find_first(10, 5000), find_first(500, 0))
print(early_return(1000), early_return(3))
print(skip_odd(1000), skip_odd(1))
print(nested(30, 40), nested(200, 3), nested(3, 200))
print(flag_loop(500), flag_loop(1))
print(none_loop(300), none_loop(1))
