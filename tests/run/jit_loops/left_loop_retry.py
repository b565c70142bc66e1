# A while loop whose iterations often end with a return (an escape-time loop): the
# recordings that leave the loop are retried, the loop gets a trace; results must match.
def escape(cr, ci, limit):
    zr = zi = 0.0
    i = 0
    while i < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        i += 1
    return limit

def first_negative(xs):
    k = 0
    while k < len(xs):
        if xs[k] < 0:
            return k
        k += 1
    return -1

n = 60
total = 0
inside = 0
for y in range(n):
    ci = -1.25 + 2.5 * y / n
    for x in range(n):
        k = escape(-2.0 + 2.5 * x / n, ci, 40)
        total += k
        if k == 40:
            inside += 1
print(total, inside)

acc = 0
for j in range(300):
    xs = [1, 2, 3, -1, 5] if j % 3 else [4, -2, 6]
    acc += first_negative(xs)
    if j == 200:
        xs = [1.5, 2.5, -0.5]
        acc += first_negative(xs)
print(acc, first_negative([]), first_negative([1, 2]))
