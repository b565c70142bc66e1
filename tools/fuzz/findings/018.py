# crashhunt finding 018 (probe of built-ins on huge iterables) -- FIXED in
# crates/taipan-vm/src/ops.rs (Vm::collect) and builtins/str.rs, bytes.rs (join)
# Happened: list/tuple/sorted/[*...]/print(*...)/''.join of range(2**64) (a range beyond
#           i64) looped forever collecting items.
# CPython:  OverflowError "Python int too large to convert to C ssize_t" at once (the
#           length hint does not fit).
# Now:      the same OverflowError.
for e in ("list(range(2**64))", "tuple(iter(range(2**64)))", "sorted(range(2**64))", "[*range(2**64)]", "''.join(range(2**64))"):
    try:
        eval(e)
    except OverflowError as x:
        print(e, x)
