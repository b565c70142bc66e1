# Superinstructions (LOAD_FAST__LOAD_FAST, STORE_FAST__STORE_FAST, ...): errors in the
# second half are reported at the second instruction, and jumps into the second half work.
def pair(flag):
    if flag:
        y = 1
    x = 0
    return (x,
            y)

print(pair(True))

def swap_loop(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b

print(swap_loop(30))

def jump_into_second(n):
    t = 0
    i = 0
    while i < n:
        i = i + 1
        t = t + i
    return t, i

print(jump_into_second(100))

def deleted(k):
    a = 1
    b = 2
    if k:
        del b
    return a + b

for k in (0, 1):
    try:
        print(deleted(k))
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print("line", tb.tb_lineno)

def store_store():
    p, q, r, s, t, u, v, w, x, z = range(10)
    return z, x, w, v, u, t, s, r, q, p

print([store_store() for _ in range(3)][-1])

def const_fast(v):
    return 1, v, 2, v, "s"

print(const_fast(7))

# uncaught: the traceback points at `y` on its own line (the second half of the pair)
print(pair(False))
