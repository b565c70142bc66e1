# Nested generators with yield from, and the value they return.
def leaf(n):
    for i in range(n):
        yield i
    return n * 10

def middle(n):
    r = yield from leaf(n)
    yield r

def top(k):
    for n in range(k):
        yield from middle(n)

vals = list(top(20))
print(len(vals), sum(vals), vals[:12])
