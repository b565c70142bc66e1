# A recursive generator (tree traversal) driven by a loop.
def tree(depth):
    if depth == 0:
        return None
    return (depth, tree(depth - 1), tree(depth - 1))

def walk(t):
    if t is None:
        return
    yield t[0]
    yield from walk(t[1])
    yield from walk(t[2])

vals = list(walk(tree(8)))
print(len(vals), sum(vals), vals[:10])
