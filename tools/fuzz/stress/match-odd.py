class P:
    __match_args__ = ('a', 'b')
    def __init__(self): self.a = 1
for v in (P(), 5, [1, 2, 3], {'k': 1}, 'str', (1,), None):
    try:
        match v:
            case P(x, y): print('P', x, y)
            case [1, *rest]: print('seq', rest)
            case {'k': k, **kw}: print('map', k, kw)
            case str() | bytes(): print('strlike')
            case int(real=r) if r > 3: print('int', r)
            case (1,): print('tuple1')
            case _: print('other')
    except BaseException as e:
        print(type(e).__name__, e)
class Q:
    __match_args__ = 5
try:
    match Q():
        case Q(x): pass
except TypeError as e:
    print(e)
class R:
    __match_args__ = ('a', 'a')
try:
    match R():
        case R(x, y): pass
except TypeError as e:
    print(e)
try:
    match 5:
        case int(1, 2): pass
except TypeError as e:
    print(e)
