# Module-level constants and builtins read in hot loops (LOAD_GLOBAL pinned in traces),
# and every way of rebinding them between or during runs of the loop.
K = 3
F = 0.25
FLAG = True
NOTHING = None

def scaled(n):
    t = 0
    x = 0.0
    for i in range(n):
        t += i * K
        x += F
        if FLAG:
            t += 1
        if NOTHING is None:
            t -= 1
    return t, x

print(scaled(50))
K = 5              # rebinding between two runs of the loop
print(scaled(50))
F = 1.5
FLAG = False
print(scaled(50))
globals()["K"] = -2
print(scaled(50))
K = 2**70          # a big int: the trace must not run with the old constant
print(scaled(5))
K = 7
print(scaled(50))

def rebind_on_branch(n):
    global K
    t = 0
    for i in range(n):
        t += K
        if i == 30:
            K = 100        # rebinds mid-loop (on a branch the trace exits to)
    return t

K = 1
print(rebind_on_branch(60), K)
K = 1
print(rebind_on_branch(60), K)

def uses_abs(n):
    t = 0
    for i in range(n):
        t += abs(i - 20)
    return t

print(uses_abs(40))
def abs(x):          # shadows the builtin: the trace's builtin must not run
    return 1000
print(uses_abs(40))
del abs              # the builtin again
print(uses_abs(40))

def reads_missing(n):
    t = 0
    for i in range(n):
        t += i
        if i > 20:
            t += MISSING
    return t

try:
    reads_missing(30)
except NameError as e:
    print("NameError:", e)
MISSING = 0.5
print(reads_missing(30))
del MISSING
try:
    reads_missing(30)
except NameError as e:
    print("NameError:", e)
