import sys
try:
    int('9' * 100000)
except ValueError as e:
    print(str(e)[:60])
sys.set_int_max_str_digits(0)
x = int('9' * 100000)
print(x % 1000, len(str(x)))
print(int('1' * 5000, 16) % 97, int('z' * 5000, 36) % 97)
sys.set_int_max_str_digits(640)
try:
    print(str(10**1000))
except ValueError as e:
    print(str(e)[:60])
for v in (-1, 1, 639, 2**63, 10**100):
    try:
        sys.set_int_max_str_digits(v)
        print('ok', v)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for s, b in (('0x', 0), ('1_', 10), ('_1', 10), ('1__0', 10), ('  -0b1_0  ', 0), ('\u0661', 10), ('12', 1), ('12', 37), ('12', -2**100), ('12', 2**100)):
    try:
        print(int(s, b))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
