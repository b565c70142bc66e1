# Errors around MAKE_GENEXPR: a non-iterable outermost iterable raises in the enclosing
# scope when the expression is made; errors in the body are raised when it runs, with the
# <genexpr> frame in the traceback.
def not_iterable():
    try:
        g = (x for x in 5)
    except TypeError as e:
        print("TypeError at creation:", e)

not_iterable()

def failing_outer():
    try:
        (x for x in undefined_name)
    except NameError as e:
        print("NameError:", e)
failing_outer()

def lazy():
    g = (1 // x for x in [2, 1, 0])
    print("made lazily")
    try:
        print(list(g))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e, g.gi_frame)

lazy()

def free_unbound():
    g = (v + i for i in range(2))
    try:
        list(g)
    except NameError as e:
        print("NameError:", e)
    v = 1
    print(list((v + i for i in range(2))))

free_unbound()

def deep(n):
    return tuple(10 // (i - n) for i in range(n + 1))

print(set(len(str(x)) for x in [1, 22, 333]))
deep(2)
