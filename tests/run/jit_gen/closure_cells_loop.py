# LOAD_DEREF in loop traces: free variables of closures read in hot loops, rebound between
# calls and by an opaque call inside the loop, changing type, and an empty cell (NameError).


def make(k):
    def scaled_sum(xs):
        t = 0
        for x in xs:
            t += x * k
        return t
    return scaled_sum


def rebinding():
    k = 2
    out = []

    def bump():
        nonlocal k
        k = k + 1 if k < 6 else 0.5

    def run(xs):
        t = 0
        for x in xs:
            t += k * x
            if x % 4 == 3:
                bump()
        return t

    for _ in range(6):
        out.append(run(list(range(12))))
    return out


def empty_cell():
    def use(n):
        total = 0
        for i in range(n):
            total += i
            if i == 7:
                total += late
        return total
    try:
        print(use(20))
    except NameError as e:
        print("NameError:", e)
    late = 100
    print(use(20))


f = make(3)
print([f(range(n)) for n in (5, 50, 500)])
g = make(1.5)
print(g([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
try:
    print(make("ab")(range(3)))
except TypeError as e:
    print("TypeError:", e)
print(rebinding())
empty_cell()
