# finally clauses that override returns and swallow exceptions inside loops.
def f(n):
    for i in range(n):
        try:
            if i == 70:
                raise ValueError
        finally:
            if i == 70:
                return "finally-%d" % i
    return "end"

def g(n):
    r = []
    for i in range(n):
        try:
            try:
                return i
            finally:
                r.append(i)
        finally:
            pass
    return r

print(f(200), f(50), g(5))
