# crashhunt finding 009 (category deep/stress) -- FIXED in crates/taipan-vm/src/builtins/format.rs
# Run with a 4 GiB address-space limit:  (ulimit -v 4194304; taipan 009.py)
# Happened: "memory allocation of 2147483648 bytes failed", abort, when str.format / %
#           appended a 2 GiB field to the result (CPython: MemoryError under the same limit).
# Now:      MemoryError (the result grows with try_reserve).
for e in ("'{:2147483648}'.format(1)", "'%2147483648d' % 1"):
    try:
        print(len(eval(e)))
    except MemoryError:
        print(e, "MemoryError")
