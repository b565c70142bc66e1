import sys, math, time
objs = [1, 2**100, 1.5, 'a', b'a', [], (), {}, set(), frozenset(), range(1), slice(1), None, True, ..., NotImplemented,
        len, print, int, type, object(), sys, math, time, iter([]), (x for x in []), ValueError('x'), property(),
        staticmethod(len), classmethod(len), super, lambda: 0, [].append, int.__add__, object.__init__, type.__dict__['__name__'] if hasattr(type, '__dict__') else 1]
for o in objs:
    for fn in (id, type, repr, str, dir, bool, hash, callable, lambda o: o.__class__, lambda o: o.__doc__, lambda o: o.__dict__,
               lambda o: o.__module__, lambda o: o.__name__, lambda o: o.__qualname__, lambda o: vars(o), lambda o: o.__reduce_ex__(2),
               lambda o: o.__sizeof__(), lambda o: o.__init_subclass__(), lambda o: o.__subclasshook__(int), lambda o: o.__format__(''),
               lambda o: format(o, 'x'), lambda o: o.__getstate__() if hasattr(o, '__getstate__') else 0, lambda o: len(o), lambda o: iter(o),
               lambda o: o(), lambda o: o[0], lambda o: o.__ne__(o), lambda o: o.__class__.__mro__, lambda o: o < o, lambda o: -o,
               lambda o: o + o, lambda o: o * 2, lambda o: o.__dir__(), lambda o: object.__repr__(o), lambda o: object.__str__(o),
               lambda o: object.__eq__(o, o), lambda o: object.__setattr__(o, 'zz', 1), lambda o: object.__delattr__(o, 'zz'),
               lambda o: object.__getattribute__(o, '__class__'), lambda o: type.__call__(o) if isinstance(o, type) else 0):
        try:
            fn(o)
        except BaseException:
            pass
print('done')
