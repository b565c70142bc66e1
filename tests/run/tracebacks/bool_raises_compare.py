# a comparison whose result's __bool__ raises: the jump has the comparison's position,
# so the traceback underlines the comparison


class B:
    def __bool__(self):
        raise TypeError("undecidable")


class C:
    def __lt__(self, other):
        return B()


def k(a, b):
    if a < b:
        return 1
    return 2


k(C(), 1)
