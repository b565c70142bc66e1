# allocations sized by the program, far beyond any machine: CPython raises
# MemoryError/OverflowError at once; taipan must not abort (Rust's default on a failed
# allocation). Sizes of a few GiB are left out: they succeed on big machines.
for e in ('list(range(10**12))', 'tuple(range(10**12))', 'bytes(range(256)) * 10**11', 'bytearray(10**12)',
          '"{:2147483648}".format(1)', '"%2147483648d" % 1', '"x".rjust(2**40)', 'b"x".ljust(2**40)',
          '[0] * (2**40)', 'list(iter(range(10**12)))',
          '"".join(["x"] * 2**40)',
          'int("1" * 10**8)', '[*range(10**12)]'):
    try:
        r = eval(e)
        print(e, 'ok', type(r).__name__)
    except (MemoryError, OverflowError, ValueError) as x:
        print(e, type(x).__name__)
