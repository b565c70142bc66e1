# bytes/bytearray padding (center, ljust, rjust, zfill) built directly on bytes, and
# MemoryError instead of an abort for results too large to allocate.
for b in [b'', b'a', b'ab', b'abc', b'+1', b'-12', b'+', b'x+']:
    for w in range(-1, 6):
        print(b.center(w), b.center(w, b'*'), b.ljust(w, b'-'), b.rjust(w), b.zfill(w),
              bytearray(b).center(w), bytearray(b).zfill(w))
print(type(bytearray(b'ab').zfill(1)).__name__, type(bytearray(b'ab').center(5)).__name__)
for name in ['center', 'ljust', 'rjust', 'zfill']:
    try:
        getattr(b'abc', name)(2**62)
    except MemoryError as e:
        print(name, 'MemoryError', e.args)

# the __init__ slot wrappers of builtin types check their receiver and arguments
calls = [
    lambda: list.__init__(range(0)),
    lambda: dict.__init__(range(0)),
    lambda: bytearray.__init__(range(0)),
    lambda: classmethod.__init__(range(0)),
    lambda: staticmethod.__init__(range(0), 1),
    lambda: property.__init__(range(0)),
    lambda: classmethod.__init__(classmethod(len)),
    lambda: staticmethod.__init__(staticmethod(len)),
    lambda: classmethod.__init__(classmethod(len), 1, 2),
    lambda: classmethod.__init__(classmethod(len), f=1),
    lambda: property.__init__(property(), 1, 2, 3, 4, 5),
    lambda: classmethod(len, f=1),
    lambda: staticmethod(f=1),
    lambda: classmethod(),
    lambda: staticmethod(1, 2),
    lambda: classmethod.__init__(classmethod(len), len),
    lambda: list.__init__([], (1, 2)),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)
