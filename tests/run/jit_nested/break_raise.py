# Inner loops over ranges made in the outer body that leave early: break, continue,
# return from the inner loop, exceptions raised inside it (caught in the outer body or
# outside), range() with a zero step and a non-int argument.


def inner_break(n):
    found = 0
    for i in range(n):
        for j in range(i, n):
            if (i * j) % 17 == 16:
                found += j
                break
        else:
            found -= 1
    return found


def inner_continue(n):
    s = 0
    for i in range(n):
        for j in range(n - i):
            if j % 3 == 0:
                continue
            s += j
    return s


def inner_return(n):
    for i in range(n):
        for j in range(i + 1, n):
            if i * j == 1234:
                return i, j
    return None


def zero_div(n):
    s = 0
    errors = 0
    for i in range(n):
        try:
            for j in range(i % 9, 9):
                s += 100 // (8 - j - i % 5)
        except ZeroDivisionError:
            errors += 1
    return s, errors


def bad_step(n):
    out = []
    for i in range(n):
        try:
            for j in range(0, 10, i % 4):
                out.append(j)
        except ValueError as e:
            out.append(str(e))
    return len(out), out[:12]


def bad_arg(n):
    s = 0
    for i in range(n):
        a = i if i < n - 3 else 2.5
        try:
            for j in range(a):
                s += j
        except TypeError as e:
            s += 1000
            msg = str(e)
    return s, msg


def overflow_inner(n):
    s = 0
    for i in range(n):
        for j in range(3):
            s += 2 ** 61 + j
    return s


print(inner_break(120))
print(inner_continue(120))
print(inner_return(200))
print(zero_div(300))
print(bad_step(40))
print(bad_arg(60))
print(overflow_inner(40))
