import builtins
types = [getattr(builtins, n) for n in dir(builtins) if isinstance(getattr(builtins, n), type)]
made = 0
for t in types:
    try:
        class S(t):
            pass
    except TypeError:
        continue
    for args in ((), (1,), ('ab',), ([1, 2],), (b'x',), (1, 2)):
        try:
            s = S(*args)
            for op in (repr, str, bool, len, hash, iter, list, lambda s: s + s, lambda s: s * 2, lambda s: s[0], lambda s: s == s,
                       lambda s: s.__dict__, lambda s: setattr(s, 'q', 1), lambda s: s.__class__, lambda s: format(s, ''),
                       lambda s: sorted([s, s]), lambda s: {s: 1}, lambda s: s.copy(), lambda s: s.__reduce__()):
                try:
                    op(s)
                except BaseException:
                    pass
            made += 1
        except BaseException:
            pass
print('done', made > 0)
