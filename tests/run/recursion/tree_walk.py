tree = {"v": 1, "kids": [{"v": 2, "kids": [{"v": 4, "kids": []}]}, {"v": 3, "kids": [{"v": 5, "kids": []}, {"v": 6, "kids": []}]}]}
def total(t):
    return t["v"] + sum(total(k) for k in t["kids"])
def depth(t):
    return 1 + max((depth(k) for k in t["kids"]), default=0)
def show(t, indent=0):
    print("  " * indent + str(t["v"]))
    for k in t["kids"]:
        show(k, indent + 1)
print(total(tree), depth(tree))
show(tree)
def flatten(t):
    yield t["v"]
    for k in t["kids"]:
        yield from flatten(k)
print(list(flatten(tree)))
