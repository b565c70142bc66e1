# A builtin a trace used is shadowed by a module-level name (and the shadow removed again),
# between runs and during a run.
# (the mutating functions take an unused default argument: calls of them are opaque
# calls of the trace, not inlined)
def total(xs, n):
    s = 0
    for i in range(n):
        s += len(xs) + abs(-i)
    return s


xs = [1, 2, 3]
print(total(xs, 300))
len = lambda x: 100
print(total(xs, 300))
abs = lambda x: 0
print(total(xs, 300))
del len
print(total(xs, 300))
del abs
print(total(xs, 300))


def shadow(i, unused=None):
    if i == 150:
        globals()["min"] = lambda a, b: -1


def during(n):
    s = 0
    for i in range(n):
        shadow(i)
        s += min(i, 5)
    return s


print(during(300))
del min
print(during(300))
import builtins

builtins.max = lambda a, b: 42


def with_max(n):
    s = 0
    for i in range(n):
        s += max(i, 3)
    return s


print(with_max(300))
