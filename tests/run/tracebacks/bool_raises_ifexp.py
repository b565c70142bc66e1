# __bool__ raising in a conditional expression and in a one-line while statement


class B:
    def __init__(self, n):
        self.n = n

    def __bool__(self):
        self.n -= 1
        if self.n < 0:
            raise RuntimeError("exhausted")
        return True


def h(f):
    count = 0
    while f: count += 1
    return count


try:
    h(B(3))
except RuntimeError as e:
    print("caught", e)
x = 1 if B(0) else 2
