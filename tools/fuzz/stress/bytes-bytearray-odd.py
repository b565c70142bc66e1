b = bytearray(b'abc')
for op in ('b[5]', 'b[-10]', 'b.__setitem__(0, 256)', 'b.__setitem__(0, -1)', 'b.__setitem__(slice(0, 2), [1, 2, 300])',
           'b.__setitem__(slice(None, None, 2), b"xyz")', 'b.pop(10)', 'b.insert(10**20, 1)', 'b.insert(0, 256)',
           'b.extend([1, "a"])', 'b.extend(5)', 'b.remove(300)', 'b.index(300)', 'b.count(-1)', 'b * -1',
           'b.__delitem__(slice(None, None, -1))', 'b.__setitem__(slice(5, 1, 1), b"xx")', 'b.decode("nope")',
           'b.translate(b"x")', 'b.maketrans(b"a", b"bc")', 'bytes.fromhex("zz")', 'bytes.fromhex("a")',
           'b"%s" % "str"', 'b"%c" % 256', 'b"%d" % 2**100', 'b.hex(":", 0)', 'b.hex("::")', 'b.hex("", 2**70)',
           'b"abc".split(b"")', 'b"abc".center(10**20)', 'b"a\xff".decode()', 'b"\xff".decode("ascii")',
           'b"x".decode("utf-16")', 'b"\x00\xd8".decode("utf-16-le")', 'b"abc"[::0]', 'bytes(range(256)).decode("latin-1")[-1]',
           'bytes([256])', 'bytes([-1])', 'bytes(b"a" for _ in range(2))', 'bytearray(range(300))'):
    try:
        r = eval(op)
        print(op, 'ok', r if not isinstance(r, (bytes, bytearray)) or len(r) < 40 else len(r))
    except BaseException as e:
        print(op, type(e).__name__)
b = bytearray(b'xyz')
for x in b:
    if len(b) < 20: b.extend(b'q')
print(b)
b = bytearray(b'abcdef')
try:
    b[1:4] = b
    print(b)
except BaseException as e:
    print(type(e).__name__)
m = bytearray(b'abc')
m[:] = m * 3
print(m)
m[::2] = m[1::2][:len(m[::2])]
print(m)
