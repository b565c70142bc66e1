for expr in ('[0] * 10**12', '[0, 1] * (2**62)', '(0,) * 10**12', '"ab" * 10**12', 'b"ab" * 10**12',
             'bytearray(10**12)', 'bytes(10**12)', '[None] * 2**63', 'range(10**12)[::1]',
             '"x".ljust(10**12)', '"x".zfill(10**12)', '"x".center(2**62)', '"{:10000000000000}".format(1)',
             '" ".join(["a"] * 10**4) * 10**9', 'list(range(10**12))', '"a".expandtabs(2**62)',
             '"\t".expandtabs(10**12)', '[[]] * -1', '"" * 10**30', '[] * 10**30', 'b"a".rjust(10**12)',
             'bytearray(b"a") * 10**12', '"a" * -10**30', 'int("1" * 10**6)', 'str(10**100000)'):
    try:
        r = eval(expr)
        print(expr, 'ok', len(r))
    except (MemoryError, OverflowError, ValueError) as e:
        print(expr, type(e).__name__)
