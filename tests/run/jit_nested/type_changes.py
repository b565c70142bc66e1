# Type changes in the outer body and in the inner loop: ints that become floats, ints
# that overflow into big ints, None and bools.


def int_to_float(n):
    acc = 0
    for i in range(n):
        for j in range(20):
            acc += j
        if i == n // 2:
            acc = acc * 0.5
    return acc


def grows_big(n):
    x = 1
    for i in range(n):
        for j in range(3):
            x = x * 3 + j
    return x % 1000000007, x.bit_length()


def flag_flips(n):
    flag = None
    c = 0
    for i in range(n):
        for j in range(10):
            if flag:
                c += 2
            else:
                c += 1
        if i % 3 == 0:
            flag = True
        elif i % 3 == 1:
            flag = None
        else:
            flag = False
    return c


def local_changes_type_in_inner(n):
    out = []
    for i in range(n):
        v = 0
        for j in range(30):
            if j == 25 and i % 7 == 0:
                v = v + 0.25
            else:
                v = v + 1
        out.append(v)
    return sum(out)


print(int_to_float(400))
print(grows_big(60))
print(flag_flips(600))
print(local_changes_type_in_inner(300))
