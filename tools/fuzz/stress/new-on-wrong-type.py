import builtins
types = [getattr(builtins, n) for n in dir(builtins) if isinstance(getattr(builtins, n), type)]
for t in types:
    for u in types:
        try:
            t.__new__(u)
        except BaseException:
            pass
        try:
            x = t.__new__(t)
            repr(x); str(x); hash(x) if t.__hash__ else 0
            x.__init__()
        except BaseException:
            pass
print('done')
