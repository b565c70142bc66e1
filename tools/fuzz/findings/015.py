# crashhunt finding 015 (category stress) -- FIXED in crates/taipan-vm/src/builtins/list.rs
# Run with a 4 GiB address-space limit:  (ulimit -v 4194304; taipan 015.py)
# Happened: a list extended by an iterator over itself grows until the allocator fails:
#           "memory allocation of 4294967296 bytes failed", abort (SIGABRT).
# CPython:  MemoryError (after a few seconds), exit 1.
# Now:      MemoryError: list.append/extend grow with try_reserve. (Comprehensions and
#           other containers still push infallibly: the same abort is possible there.)
l = [1, 2, 3]
it = iter(l)
for x in it:
    l.extend(it)
