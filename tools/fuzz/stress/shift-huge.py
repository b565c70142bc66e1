for a, b in ((1, 10**10), (1, 2**63), (1, -1), (-1, 10**100), (0, 10**100), (5, -10**100), (1, 2**62)):
    for op in ('<<', '>>'):
        try:
            r = eval('a %s b' % op, {'a': a, 'b': b})
            print(op, r if abs(r) < 10**20 else 'big')
        except (ValueError, OverflowError, MemoryError) as e:
            print(op, type(e).__name__, e)
