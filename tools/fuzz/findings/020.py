# crashhunt finding 020 (session 10, api category, seed 91): under a 4 GiB address-space
# limit, `repr()` of a 2 GiB str (`'abc'.center(2**31)`) aborted ("memory allocation of
# 2147483650 bytes failed") in strrepr::repr_impl. FIXED: the repr of a text over 64 KiB is
# reserved fallibly at its exact length; a failure raises MemoryError, as CPython.
# Same family, FIXED in session 11: `str.zfill` of a huge str with a smaller width
# copied the str (infallibly) before returning the original; it now returns the exact
# str itself without a copy, as CPython's `pad`. Run with `ulimit -v 4194304`.
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
# str.zfill with a width below the length returns the same str without copying it.
print(len(s.zfill(10)), s.zfill(10) is s)
