# str.split() on whitespace (ASCII fast path and non-ASCII text), strip results, and the
# one-character strings produced by iteration, indexing and chr().
for s in ['  a b  c  ', ' a b c ', 'a  b   ', 'a b', '', '   ', '\x1c a\x1fb\x0bc\td\re\nf\x0c',
          'héllo  wörld\u3000x  y ', 'x\x85y\xa0z']:
    print(repr(s), s.split(), [s.split(None, k) for k in range(-1, 4)], s.rsplit(None, 1))
    print(repr(s.strip()), repr(s.strip(' a')), repr(s.lstrip()), repr(s.rstrip('\t ')))
print('a,b,,c'.split(','), 'a b'.split(maxsplit=0), 'a b c'.split(sep=None, maxsplit=1))
try:
    'a'.split('')
except ValueError as e:
    print('ValueError', e)
try:
    'a'.split(None, 1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    'a'.split(bad=1)
except TypeError as e:
    print('TypeError', e)


class S(str):
    pass


x = S('abc')
print(type(x.strip()).__name__, x.strip() == x, type('abc'.strip()).__name__)

s = 'héllo wörld ÿĀ€😀'
chars = [c for c in s]
print(chars, len(chars))
print([ord(c) for c in s])
print(s[1] is chr(233), chr(255) is chr(255), s[-1], s[1:4])
print(''.join(reversed(s)), [chr(i) for i in (0, 65, 127, 128, 255, 256)])
total = 0
for c in 'abc' * 1000:
    total += ord(c)
print(total)
for s in ['', ',', ',,a,,', 'a,b.;c!?', 'é,x,é', ',é,', 'x\ny\n\nz\n', '\u3000a\u3000']:
    print(repr(s.strip(',.;!?')), repr(s.lstrip(',é')), repr(s.rstrip('é,')), repr(s.strip('\u3000')),
          s.split(','), s.split(',', 1), s.split('\n'), s.split('é'), s.split(',.'), s.rsplit(',', 1))
