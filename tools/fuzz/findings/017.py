# crashhunt finding 017 (category api) -- FIXED in crates/taipan-vm/src/builtins/bytes.rs (from_source)
# Happened: bytes(range(2**64)), bytearray(range(2**64)), int.from_bytes(range(2**64), ...)
#           hung: the source iterable was collected completely before its items were
#           checked (2**64 big ints).
# CPython:  fails at once (OverflowError from the length hint, or ValueError at item 256).
# Now:      ValueError "bytes must be in range(0, 256)" at item 256.
for e in ("bytes(range(2**64))", "bytearray(range(2**64))", "int.from_bytes(range(2**64), 'big')"):
    try:
        eval(e)
    except (ValueError, OverflowError) as x:
        print(e, type(x).__name__)
