# Generator expressions are made without a function object (MAKE_GENEXPR): names, code,
# frame, closures, laziness, the outermost iterable evaluated (and iter() taken) at once in
# the enclosing scope, and the fallback for bodies with cells of their own.
def outer(vec, cols):
    g = (vec[i] + i for i in cols)
    print(g.__name__, g.__qualname__, g.gi_code.co_name, type(g).__name__)
    print(g.gi_running, g.gi_frame is not None, g.gi_frame.f_code is g.gi_code)
    print(g.gi_code.co_varnames, g.gi_code.co_freevars, g.gi_code.co_argcount)
    print(sorted(g), g.gi_frame)
    vec = (10, 20, 30)  # the cell is shared: a new genexpr sees the rebinding
    return set(vec[i] - i for i in cols), tuple(vec[i] for i in cols)

print(outer((3, 1, 2), range(3)))
print(list(x * y for x in range(4) for y in range(x) if (x + y) % 2))
print(sum(x for x in range(10)), any(x > 8 for x in range(10)), all(x < 3 for x in []))

def trace(name, items):
    print("iterable", name)
    return items

g = (x + 1 for x in trace("outer", [1, 2]) for y in trace("inner", "ab"))
print("made")
print(next(g), list(g))

class C:
    z = 5
    items = list(a * 2 for a in range(3))
    def m(self):
        return list(__class__.__name__ + str(i) for i in range(2))
print(C.items, C().m())

def own_cells():
    # the body has cells of its own (the lambdas capture the loop variable)
    fns = list((lambda: x) for x in range(3))
    kept = list(x for x in range(5) if (lambda: x % 2)())
    return [f() for f in fns], kept
print(own_cells())

def nested(n):
    return list(sum(i * j for j in range(i)) for i in range(n))
print(nested(5))

for k in range(3):
    print(k, set(k * v for v in range(4)), list(str(c) * k for c in "xy"))
