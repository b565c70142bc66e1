# crashhunt finding 008 (category stress) -- FIXED in crates/taipan-vm/src/ops.rs (Vm::collect)
# Happened: list(range(10**12)) grew a Vec until the allocator failed: "memory allocation
#           of 4294967296 bytes failed", abort (SIGABRT) under a 4 GiB address-space limit.
# Now:      MemoryError at once (a range's length is reserved fallibly up front, as CPython's
#           length_hint; other iterables grow with try_reserve).
for e in ("list(range(10**12))", "tuple(range(10**12))", "[*range(10**12)]", "list(iter(range(10**12)))"):
    try:
        eval(e)
    except MemoryError:
        print(e, "MemoryError")
