# methods of built-in types called through the type, without or with a wrong receiver
import builtins
types = [getattr(builtins, n) for n in dir(builtins) if isinstance(getattr(builtins, n), type)]
bad = [None, 1, 'x', [], type, object()]
n = 0
for t in types:
    for name in sorted(vars(t)):
        f = vars(t)[name]
        if not callable(f) or name in ('__new__',):
            continue
        for args in [()] + [(b,) for b in bad] + [(b, b) for b in bad]:
            try:
                getattr(t, name)(*args)
            except BaseException:
                pass
            n += 1
print('done', n > 0)
