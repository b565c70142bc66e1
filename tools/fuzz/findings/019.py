# crashhunt finding 019 (session 2, api category): under a 4 GiB address-space limit,
# `str * n` / `bytes * n` / `bytearray * n` whose result could not be allocated aborted
# ("memory allocation of 4294967296 bytes failed") in seqops::repeat (`str::repeat`,
# `<[u8]>::repeat` allocate infallibly). FIXED: the result is reserved fallibly first and a
# failure raises MemoryError, as CPython. Run with `ulimit -v 4194304`.
s = "x" * 100
try:
    r = s * 2**25
    print(len(r))
except MemoryError:
    print("MemoryError")
