x = 'a' * 10**7
print(len('%s' % x), len('%r' % x), len('%-20000000s|' % 'b'), len('%.5s' % x))
try:
    print(len('%*d' % (10**9, 1)))
except (MemoryError, OverflowError, ValueError) as e:
    print(type(e).__name__)
for fmt in ('%99999999999999999999d', '%.99999999999999999999f', '%*d', '%.*f'):
    try:
        print(len(fmt % (2**70, 1) if '*' in fmt else fmt % 1))
    except (MemoryError, OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(len('%d' % (10**4000)))
try:
    print('%x %o %e %g %c' % (-2**200, 2**200, 10**300, 1e308, 0x10ffff))
except (OverflowError, ValueError) as e:
    print(type(e).__name__, e)
try:
    '%c' % 0x110000
except (OverflowError, ValueError) as e:
    print(type(e).__name__, e)
try:
    '%c' % -1
except (OverflowError, ValueError) as e:
    print(type(e).__name__, e)
try:
    '%e' % (10**400)
except OverflowError as e:
    print(e)
