# crashhunt finding 011 (category api) -- FIXED: crates/taipan-vm/src/support/int.rs
# (`check_allocatable`, used by `PyInt::pow`, `checked_mul`, `lshift`, `to_decimal_string`).
# Run with a 4 GiB address-space limit:  (ulimit -v 4194304; taipan 011.py)
# Happened: dashu-int panics on a failed allocation ("out of memory",
#           dashu-int-0.4.3/src/error.rs:15) -> "taipan: internal error (a Rust panic)", exit 70.
#           CPython raises MemoryError when an allocation fails (with this limit it computes
#           for over 10 minutes instead; without a limit both just take minutes).
# Fix:      before a big-int operation with a large result, the memory dashu may need (result
#           plus NTT scratch, about 52 bytes per result byte) is reserved with
#           `Vec::try_reserve_exact` and released; failure raises MemoryError.
#           Now prints "MemoryError" (exit 0); uncaught, the MemoryError traceback and exit 1.
try:
    x = 7 ** (2**28)
    print(x.bit_length())
except MemoryError:
    print("MemoryError")
