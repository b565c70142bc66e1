class F:
    def __format__(self, spec): return 5
try:
    f'{F()}'
except TypeError as e:
    print(e)
class G:
    def __format__(self, spec): raise KeyError(spec)
try:
    f'{G():abc}'
except KeyError as e:
    print(e)
class S:
    def __str__(self): return 5
for op in ('str(S())', 'f"{S()}"', 'print(S())', '"%s" % S()', '"{}".format(S())', 'format(S())'):
    try:
        eval(op)
        print(op, 'ok')
    except TypeError as e:
        print(op, e)
class R:
    def __repr__(self): return 'r\udcff'
print(repr(R()) == 'r\udcff', ascii(R()))
try:
    print(R())
except UnicodeEncodeError as e:
    print('UnicodeEncodeError')
print(f"{'abc':{'>'}{10}}", f'{3.14159:{"."}{2}f}', f'{10**30:e}', f'{2**64:,}')
try:
    print(f'{1:{"{"}}}')
except ValueError as e:
    print(e)
