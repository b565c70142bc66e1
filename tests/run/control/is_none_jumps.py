# `x is None` / `x is not None` as conditions compile to POP_JUMP_IF_NONE /
# POP_JUMP_IF_NOT_NONE (as CPython 3.11's peephole optimizer does): identity only,
# never __eq__ or __bool__; other forms keep IS_OP.
class Weird:
    def __eq__(self, other):
        print("__eq__ called")
        return True
    def __bool__(self):
        print("__bool__ called")
        return False

def classify(xs):
    out = []
    for x in xs:
        if x is None:
            out.append("none")
        elif x is not None and x == 0:
            out.append("zero")
        else:
            out.append("other")
    return out

def walk(node):
    n = 0
    while node is not None:
        n += 1
        node = node[1]
    return n

def conditions(a, b):
    r = []
    r.append(1 if a is None else 2)
    r.append(1 if not (a is None) else 2)
    r.append(1 if a is None and b is not None else 2)
    r.append(1 if a is None or b is None else 2)
    r.append(1 if None is a else 2)
    r.append(a is None)
    r.append(b is not None)
    return r

def mixed_loop(n):
    # the local alternates between None, an int, a float and an object
    vals = [None, 3, None, 2.5, Weird(), None]
    hits = 0
    for i in range(n):
        v = vals[i % len(vals)]
        if v is None:
            hits += 1
        if v is not None:
            hits += 10
    return hits

print(classify([None, 0, 1, Weird(), None, 0.0]))
chain = None
for i in range(5):
    chain = (i, chain)
print(walk(chain), walk(None))
print(conditions(None, 1), conditions(1, None), conditions(Weird(), Weird()))
print(mixed_loop(1000))

def f(x):
    if x is None:
        return undefined_name
    return x
try:
    f(None)
except NameError as e:
    print("NameError:", e)
