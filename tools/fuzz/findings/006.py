# crashhunt finding 006 (category stress) -- FIXED in crates/taipan-vm/src/ops.rs (Vm::compare)
# Happened: comparing two distinct self-referential lists recursed in native code until
#           "thread 'taipan-main' has overflowed its stack" (SIGABRT).
# Now:      RecursionError: maximum recursion depth exceeded in comparison (as CPython).
l = [1]; l.append(l)
m = [1]; m.append(m)
try:
    print(l == m)
except RecursionError as e:
    print(e)
d = {}; d[1] = d
e = {}; e[1] = e
try:
    print(d == e)
except RecursionError as x:
    print(x)
