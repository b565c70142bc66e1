# crashhunt finding 020 (session 10, api category, seed 91): under a 4 GiB address-space
# limit, `repr()` of a 2 GiB str (`'abc'.center(2**31)`) aborted ("memory allocation of
# 2147483650 bytes failed") in strrepr::repr_impl. FIXED: the repr of a text over 64 KiB is
# reserved fallibly at its exact length; a failure raises MemoryError, as CPython.
# STILL OPEN, same family: other methods that copy a huge str (`str.zfill` through
# `same_or_new`, found the same run) allocate infallibly. Run with `ulimit -v 4194304`.
s = "abc".center(2**31)
print(len(s))
try:
    r = repr(s)
    print(len(r))
except MemoryError:
    print("MemoryError")
# Same run, FIXED: `bytes.__mul__(b, n)` called as a method (bytes.rs `repeat_common`)
# repeated with the infallible `<[u8]>::repeat`; it now shares seqops' fallible repeat.
try:
    print(len(bytes.__mul__(b"ab", 2**31)))
except MemoryError:
    print("MemoryError")
