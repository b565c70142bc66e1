import sys
for name in ('', '.', '..x', 'nonexistent_module_zz', 'sys.nope', 'math.pi', '\x00', 'a' * 10000):
    try:
        __import__(name)
        print(repr(name[:20]), 'ok')
    except BaseException as e:
        print(repr(name[:20]), type(e).__name__)
try:
    from sys import nope_zz
except ImportError as e:
    print(e)
try:
    from . import x
except ImportError as e:
    print(e)
sys.path.insert(0, 5)
sys.path.insert(0, '/nonexistent\x00dir')
try:
    import nonexistent_zz2
except BaseException as e:
    print(type(e).__name__)
sys.modules['fake'] = 5
import fake
print(fake)
sys.modules['fake2'] = None
try:
    import fake2
except ImportError as e:
    print(e)
