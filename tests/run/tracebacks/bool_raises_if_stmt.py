# __bool__ raising in an `if` test: the jump carries the whole statement's position, so
# the traceback line of the `if` has no carets


class B:
    def __bool__(self):
        raise ValueError("no truth")


def g(f, n):
    total = 0
    for i in range(n):
        if f and i > 2:
            total += i
    if not f:
        return total
    return -total


print(g(True, 10))
g(B(), 5)
