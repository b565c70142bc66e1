# Integer arguments at the edges of i64/isize (and just beyond) fed to everything that
# takes an int: arithmetic, ranges, slices, sequence methods, formatting, conversions.
# Debug builds of taipan check arithmetic overflow, so a missed checked_* op panics here.
E = [0, 1, -1, 2, -2, 2**31 - 1, 2**31, -2**31, 2**32, 2**62, -2**62, 2**63 - 1, 2**63, -2**63, -2**63 - 1,
     2**64 - 1, 2**64, -2**64, 10**30, -10**30]
import math
ops = [
    lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a // b, lambda a, b: a % b,
    lambda a, b: divmod(a, b), lambda a, b: a << (b % 200 if b > 0 else 0), lambda a, b: a >> (b % 200 if b > 0 else 0),
    lambda a, b: a & b, lambda a, b: a | b, lambda a, b: a ^ b, lambda a, b: -a, lambda a, b: ~a, lambda a, b: abs(a),
    lambda a, b: a ** 2, lambda a, b: pow(a, 3, b) if b else 0, lambda a, b: a / b, lambda a, b: a < b,
    lambda a, b: hash(a), lambda a, b: round(a, b) if abs(b) < 10**6 else round(a, -5), lambda a, b: a.bit_length(),
    lambda a, b: a.to_bytes(9, 'big', signed=True), lambda a, b: float(a), lambda a, b: int(float(a)) if abs(a) < 2**1000 else 0,
    lambda a, b: math.gcd(a, b), lambda a, b: math.isqrt(abs(a)), lambda a, b: math.copysign(1, a), lambda a, b: a == float(b),
    lambda a, b: range(a, b), lambda a, b: len(range(a, b)), lambda a, b: len(range(a, b, -1)), lambda a, b: len(range(b, a, 2**62)),
    lambda a, b: range(a, b)[-1], lambda a, b: range(a, b, 3)[a], lambda a, b: range(a)[b], lambda a, b: b in range(a, a + 10),
    lambda a, b: range(a, b, 7).index(a + 7), lambda a, b: range(a, b).count(b - 1), lambda a, b: list(range(a, b)[-3:]),
    lambda a, b: range(a, b)[::b or 1], lambda a, b: range(-2**63, 2**63 - 1, 2**63 - 1)[1], lambda a, b: reversed(range(a, b, 5)),
    lambda a, b: list(reversed(range(b, a, -(2**62))))[:2], lambda a, b: hash(range(a, b)), lambda a, b: range(a, b) == range(a, b, 1),
    lambda a, b: slice(a, b, b or 1).indices(2**63 - 1), lambda a, b: slice(a, b, -1).indices(a if a >= 0 else 5),
    lambda a, b: [1, 2, 3][a:b], lambda a, b: [1, 2, 3][a:b:b or 1], lambda a, b: 'abcdef'[a:b:-1], lambda a, b: b'abc'[a::b or 1],
    lambda a, b: (1, 2, 3)[a], lambda a, b: 'abc'[b], lambda a, b: [1, 2, 3].index(2, a, b), lambda a, b: 'abcabc'.find('c', a, b),
    lambda a, b: 'abcabc'.count('a', a, b), lambda a, b: 'abc'.startswith('a', a, b), lambda a, b: b'abc'.rfind(b'c', a, b),
    lambda a, b: [1, 2].insert(a, 0), lambda a, b: [1, 2].pop(a), lambda a, b: bytearray(b'ab').pop(a),
    lambda a, b: 'x' * (a % 5 if a > 0 else a), lambda a, b: [0] * b if b < 10 else [0] * -b, lambda a, b: 'ab'.center(b % 50 if b > 0 else b),
    lambda a, b: 'a\tb'.expandtabs(a % 9 if a > 0 else a), lambda a, b: 'ab'.zfill(b if b < 30 else -b), lambda a, b: 'a'.ljust(a if a < 9 else -a),
    lambda a, b: '%d %x %o' % (a, b, a), lambda a, b: '%*d' % (b % 20, a), lambda a, b: '%.*f' % (b % 20, 1.5), lambda a, b: '%c' % (a % 1114112),
    lambda a, b: '%e' % a, lambda a, b: format(a, ','), lambda a, b: format(a, '_x'), lambda a, b: format(a, '>{}'.format(b % 30)),
    lambda a, b: format(a, 'c') if 0 <= a < 1114112 else 0, lambda a, b: f'{a:{b % 25}}', lambda a, b: f'{a:.{b % 5}e}',
    lambda a, b: chr(a), lambda a, b: hex(a), lambda a, b: bin(b), lambda a, b: oct(a), lambda a, b: str(a),
    lambda a, b: int(str(a)), lambda a, b: int(hex(a), 16), lambda a, b: int.from_bytes(a.to_bytes(16, 'little', signed=True), 'little', signed=True),
    lambda a, b: bytes([a % 256]), lambda a, b: bytes(a) if 0 <= a < 100 else bytes(-1), lambda a, b: bytearray(a) if a < 100 else 0,
    lambda a, b: list(enumerate('ab', a)), lambda a, b: next(iter(enumerate('x', b))), lambda a, b: sum([a, b]), lambda a, b: sum([a, b], b),
    lambda a, b: max(a, b), lambda a, b: sorted([a, b, 0]), lambda a, b: {a: 1, b: 2}[a], lambda a, b: {a, b, a + 1},
    lambda a, b: a.__index__(), lambda a, b: a.__round__(b if abs(b) < 10**6 else 0), lambda a, b: a.__trunc__(), lambda a, b: (a).conjugate(),
    lambda a, b: (a).as_integer_ratio(), lambda a, b: a.bit_count(), lambda a, b: (a + 0.5).is_integer(), lambda a, b: float(a).hex(),
    lambda a, b: float(a) // 3, lambda a, b: float(a) % b if b else 0, lambda a, b: round(float(a), b if abs(b) < 400 else 400),
    lambda a, b: math.ldexp(1.0, a), lambda a, b: math.factorial(a % 500) if a >= 0 else math.factorial(a), lambda a, b: math.comb(a % 60, b % 60),
    lambda a, b: math.perm(a % 40, b % 40), lambda a, b: math.floor(a / 3), lambda a, b: math.trunc(float(b)),
    lambda a, b: __import__('sys').set_int_max_str_digits(a), lambda a, b: __import__('sys').setrecursionlimit(a),
    lambda a, b: [1, 2, 3].__getitem__(slice(a, b, -2**63)), lambda a, b: list(range(3))[slice(None, None, a or 1)],
    lambda a, b: 'abc'.split('b', a), lambda a, b: 'a b c'.rsplit(None, b), lambda a, b: 'aaa'.replace('a', 'b', a),
    lambda a, b: 'abc'.encode()[a:b], lambda a, b: tuple(range(5))[a:b:b or 1], lambda a, b: memoryview(b'abc')[a] if 'memoryview' in dir(__builtins__) else 0,
]
n = 0
for a in E:
    for b in E:
        for op in ops:
            try:
                op(a, b)
            except (ValueError, OverflowError, ZeroDivisionError, TypeError, IndexError, MemoryError, KeyError, RecursionError):
                pass
            n += 1
__import__('sys').setrecursionlimit(1000)
print('done', n)
