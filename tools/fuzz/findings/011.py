# crashhunt finding 011 (category api) -- OPEN: crates/taipan-vm/src/support/int.rs (PyInt::pow)
# and every other big-int operation that can allocate a huge result.
# Run with a 4 GiB address-space limit:  (ulimit -v 4194304; taipan 011.py)
# Happened: dashu-int panics on a failed allocation ("out of memory",
#           dashu-int-0.4.3/src/error.rs:15) -> "taipan: internal error (a Rust panic)", exit 70.
#           CPython (same limit) raises MemoryError. Without a limit both just take minutes.
# Fix idea: estimate the result size (exponent * bit_length(base)) and raise MemoryError
#           beyond what can be allocated, or run dashu calls under catch_unwind.
try:
    x = 7 ** (2**28)
    print(x.bit_length())
except MemoryError:
    print("MemoryError")
