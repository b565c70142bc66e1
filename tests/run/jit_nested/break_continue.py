# break, continue and return out of inner and outer loops at various points.


def first_pair(n, target):
    for i in range(n):
        for j in range(n):
            if i * j == target:
                return i, j
    return None


def break_inner(n):
    s = 0
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            s += j
        s += 1
    return s


def continue_inner(n):
    s = 0
    for i in range(n):
        for j in range(n):
            if (i + j) % 3 == 0:
                continue
            s += j
        if i % 5 == 0:
            continue
        s -= 1
    return s


def break_outer_flag(n):
    count = 0
    done = False
    for i in range(n):
        for j in range(n):
            count += 1
            if count == 4321:
                done = True
                break
        if done:
            break
    return count, i, j


def while_break(n):
    s = 0
    i = 0
    while True:
        j = 0
        while True:
            if j >= i % 7:
                break
            s += j
            j += 1
        i += 1
        if i > n:
            break
    return s


print(first_pair(200, 3953))
print(first_pair(50, 7919))
print(break_inner(150))
print(continue_inner(120))
print(break_outer_flag(100))
print(while_break(3000))
