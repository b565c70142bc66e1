# a loop counter and its previous value (restored by exits): exits at the loop's end,
# in the middle of an iteration, on breaks, with steps 1, 3 and -1, while loops
def at_end(xs):
    for i in range(len(xs)):
        xs[i] = xs[i] * 2.0 + 1.0
    return i


def middle(xs, bad):
    t = 0.0
    for i in range(len(xs)):
        if i == bad:
            t += 0.5
        t += xs[i]
    return i, t


def stepping(n):
    t = 0
    for i in range(0, n, 3):
        t += i
    for j in range(n, 0, -1):
        t -= j
    return t, i, j


def whiles(n):
    i = 0
    j = 5
    while i < n:
        j = i
        i += 2
        if i == 1000:
            break
    k = -7
    while k > -n:
        k -= 1
    return i, j, k


def typed(xs):
    s = 0
    for i in range(len(xs)):
        s += xs[i]
    return i, s


for n in (1, 2, 150, 301):
    xs = [float(k) for k in range(n)]
    print(at_end(xs), xs[-1])
    print(middle(xs, n // 2), middle(xs, -1))
    print(stepping(n), whiles(n))
print(typed([1, 2, 3] * 60 + [4.5, 5]))
try:
    typed([1] * 200 + ["x"])
except TypeError as e:
    print("TypeError", e)
