# Repeating a str or bytes past isize::MAX items raises OverflowError ("repeated string is
# too long"), through the operator and the dunders, counting a str's code points; a
# bytearray, list or tuple raises MemoryError; an empty sequence stays empty.
for n in (2**62, 2**63 - 1, 2**40):
    for s in ('qq', 'q', ''):
        try:
            r = s * n
            print(len(r))
        except Exception as e:
            print(type(e).__name__, e)
    for seq in ([1, 2], (1,), [], ()):
        try:
            r = seq * n
            print(len(r))
        except Exception as e:
            print(type(e).__name__, e)
for s in ('qq', b'qq', bytearray(b'qq')):
    try:
        s * 2**62
    except Exception as e:
        print(type(e).__name__, e)
try:
    'ab' * 2**63
except Exception as e:
    print(type(e).__name__, e)
for s in ('é', 'éé', 'ab€', '€' * 3):
    for n in (2**62, 2**61, 2**63 - 1, 3074457345618258602, 3074457345618258603):
        try:
            s * n
        except Exception as e:
            print(repr(s), n, type(e).__name__, e)
        try:
            s.__mul__(n)
        except Exception as e:
            print(repr(s), n, '__mul__', type(e).__name__, e)
        try:
            s.__rmul__(n)
        except Exception as e:
            print(repr(s), n, '__rmul__', type(e).__name__, e)
for b in (b'ab', bytearray(b'ab'), b'', bytearray()):
    for n in (2**62, 2**62 - 1, 2**63 - 1):
        for f in (lambda: b * n, lambda: n * b, lambda: b.__mul__(n)):
            try:
                f()
                print(type(b).__name__, n, 'ok')
            except Exception as e:
                print(type(b).__name__, n, type(e).__name__, e)
x = 'ab'
try:
    x *= 2**62
except OverflowError as e:
    print('inplace', e)
print(x)
print('ab' * 3, 3 * 'ab', 'é' * 2, b'x' * 2, bytearray(b'y') * 2, 'q' * -1)
