# crashhunt finding 007 (category deep) -- FIXED in crates/taipan-vm/src/iter.rs and
# crates/taipan-vm/src/builtins/iterators.rs
# Happened: next() on 10**6 nested map objects: a stack overflow (SIGABRT). next_composite
#           recursed without a stack check; worse, a failing inner next() dropped the outer
#           iterator's state, freeing the rest of the chain recursively at maximal depth.
#           (CPython 3.11 itself segfaults here; taipan must not.)
# Now:      RecursionError; map/filter/zip/iter(callable)/iter(seq) keep their state when a
#           source raises, as CPython's do.
x = iter([1])
for i in range(10**6):
    x = map(abs, x)
try:
    print(next(x))
except RecursionError:
    print('RecursionError')
del x
print('ok')
