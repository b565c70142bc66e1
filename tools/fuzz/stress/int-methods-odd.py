for op in ('(5).to_bytes(0, "big")', '(-5).to_bytes(2, "big")', '(5).to_bytes(-1, "big")', '(5).to_bytes(2, "middle")',
           '(2**100).to_bytes(10**20, "big")', 'int.from_bytes(b"\xff" * 100, "little", signed=True) % 7',
           'int.from_bytes(5, "big")', '(5).bit_count()', '(-2**63).bit_length()', '(5).__round__(-10**20)',
           'round(5, -2**100)', '(10**100).__format__(",")', 'format(2**64, "_b")', 'format(-1, "c")', 'format(2**64, "c")',
           'format(5, "=^+#030,.2%")', 'format(10**30, "e")', 'format(True, "d")', 'int("0" * 10000)', 'int("-" + "0" * 5000 + "1")',
           '(7).__pow__(2, 0)', 'pow(10**100, 10**100, 10**50 + 7)', 'pow(0, -1)', 'pow(0, -1, 5)', 'pow(5, -1, 10)',
           '(-1) ** 0.5', '0 ** -1', '(2**1000) ** 0.5', 'divmod(2**200, 0)', '(2**200) // -(2**199)', '(-2**63) // -1',
           '(-2**63) % 2**64', 'int.__new__(bool, 1)', 'bool.__new__(int)', 'True + True', '~(2**63 - 1)', '-(-2**63)',
           'abs(-2**63)', '(2**63).__index__()', 'hash(2**63) == hash(2**63)', 'hash(-2**63)', 'hash(2**61 - 1)',
           'hash(-1)', 'hash(float(2**70))', 'hash(float("nan")) == hash(float("nan"))', '(1).__truediv__(0)',
           '(2**2000) / (2**1990)', '(2**2000) / 3', '1 / 2**2000', '(2**2000) * 0.5', 'float(2**2000)',
           '(2**70).__float__()', 'int(1e308) % 97', 'int(-1e300) % 97', 'int(float("nan"))', 'int(float("-inf"))',
           '(1).__lshift__(2**70)', '(0).__lshift__(2**70)', '(1).__rshift__(2**70)', '(-1).__rshift__(2**70)',
           '(1) << -(2**70)', 'complex(1, 2)', 'int("9" * 4301)', 'str(2**14300)[-5:]', 'repr(-10**4300)[-5:]'):
    try:
        r = eval(op)
        print(op, 'ok', str(r)[:60])
    except BaseException as e:
        print(op, type(e).__name__)
