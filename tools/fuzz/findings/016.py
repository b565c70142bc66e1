# crashhunt finding 016 (category stress, i64-edges) -- FIXED in
# crates/taipan-vm/src/builtins/functions.rs (reversed_new) and
# crates/taipan-vm/src/builtins/seqops.rs (builtin_getitem, range item)
# Happened: "attempt to subtract with overflow" (reversed: stop = start - step) and
#           "attempt to multiply with overflow" (range[i]: start + i * step) for ranges at
#           the edges of i64 -> internal error, exit 70.
# Now:      checked/i128 arithmetic; results as CPython.
print(list(reversed(range(-2**63, -2**63 + 3))))
print(list(reversed(range(-2**63, 2**63 - 1, 2**62))))
print(range(-2**63, 2**63 - 1, 2**62)[3])
