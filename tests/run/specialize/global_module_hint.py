# LOAD_GLOBAL_MODULE hits read the cached dict position of the current globals and check
# the key there: rebinding, deleting and re-adding a global, the globals dict growing, and
# one code object run under several globals dicts (exec) must all read the right value.

counter = 1


def read_counter():
    return counter


def hot(rounds):
    global counter
    seen = []
    for i in range(rounds):
        if i == 100:
            counter = 2
        if i == 200:
            del counter
            try:
                read_counter()
            except NameError as e:
                seen.append(str(e))
            counter = 3
        if i == 300:
            # many new globals: the dict grows and its entries move
            for k in range(50):
                globals()["g%d" % k] = k
        if i == 350:
            for k in range(50):
                del globals()["g%d" % k]
            counter = 4
        seen.append(read_counter())
    return sorted(set(map(str, seen)))


print(hot(400))

src = """
def f(n):
    t = 0
    for i in range(n):
        t += value
    return t
result = f(300)
"""
code = compile(src, "<exec>", "exec")
spaces = []
for v in (1, 10, 100):
    g = {"value": v}
    exec(code, g)
    spaces.append(g)
    print(g["result"])
# the function keeps its own module dict; the same code object runs under each
for g in spaces:
    g["value"] += 1
    print(g["f"](300))
# a globals dict where the name sits at another position
g = {"a": 1, "b": 2, "value": 7}
exec(code, g)
print(g["result"])
# a global shadowing a builtin appears, then goes away
def use_len(seq):
    return len(seq)


def hot_len(rounds):
    out = []
    for i in range(rounds):
        if i == 150:
            globals()["len"] = lambda s: -1
        if i == 250:
            del globals()["len"]
        out.append(use_len("abc"))
    return out.count(3), out.count(-1)


print(hot_len(400))
