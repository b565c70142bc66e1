# The carets under a two-character operator after a parenthesized left operand span the
# whole operator (CPython 3.11 skips the ')' and then measures the operator).
def shift(b, i0):
    return ((b - i0) >> 21)

print(shift(5, 2))
print(shift(5.5, 2))
