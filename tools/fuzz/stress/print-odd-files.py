import sys
class W:
    def write(self, s): raise KeyError(s)
try:
    print('x', file=W())
except KeyError as e:
    print('KeyError', e)
for f in (None, 5, object()):
    try:
        print('y', file=f)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    print('a', sep=5)
except TypeError as e:
    print(e)
sys.stdout = None
print('lost')
sys.stdout = sys.__stdout__
print('back')
