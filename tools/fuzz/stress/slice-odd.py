class I:
    def __index__(self): return 2**100
class J:
    def __index__(self): return 'x'
class K:
    def __index__(self): raise KeyError('k')
l = list(range(10))
for idx in (I(), J(), K(), slice(I(), None), slice(None, None, I()), slice(J(), None), slice(K(), None), slice(None, None, 0),
            slice(-2**100, 2**100, -2**100), slice(1.5, 2), 2**100, -2**100, True, None):
    for seq in (l, tuple(l), 'abcdefghij', b'abcdefghij', bytearray(b'abcdefghij'), range(10), memoryview(b'abcdefghij') if 'memoryview' in dir(__builtins__) else 'x'):
        try:
            r = seq[idx]
            print(type(seq).__name__, 'ok', str(r)[:30])
        except BaseException as e:
            print(type(seq).__name__, type(e).__name__)
s = slice(1, 2, 3)
print(s.indices(10), slice(None).indices(0))
for a in ((-1,), (2**100,), ('x',), (5, 6)):
    try:
        print(s.indices(*a))
    except BaseException as e:
        print(type(e).__name__, e)
try:
    hash(slice(1))
    print('hashable')
except TypeError as e:
    print(e)
