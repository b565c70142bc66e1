# crashhunt finding 010 (category api) -- FIXED in crates/taipan-vm/src/builtins/seqops.rs
# Happened: (2,) * 2**31 passed the item-count check and Vec::with_capacity(2**31) asked for
#           32 GiB: "memory allocation of 34359738368 bytes failed", abort.
# Now:      MemoryError (fallible reserve).
for e in ("(2,) * 2**31", "[2] * 2**31"):
    try:
        eval(e)
    except MemoryError:
        print(e, "MemoryError")
