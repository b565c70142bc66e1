class S:
    __slots__ = ('a',)
s = S()
for op in ('s.a', 's.b', 'setattr(s, "b", 1)', 'delattr(s, "a")', 's.__dict__'):
    try:
        print(eval(op))
    except AttributeError as e:
        print(op, e)
try:
    class T:
        __slots__ = 5
except TypeError as e:
    print(e)
try:
    class U:
        __slots__ = ('x',)
        x = 1
except ValueError as e:
    print(e)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
class V: pass
v = V()
v.__dict__ = {'a': 1}
print(v.a)
v.__dict__[5] = 6
print(sorted(map(str, vars(v))))
try:
    setattr(v, 5, 1)
except TypeError as e:
    print(e)
try:
    getattr(v, 5)
except TypeError as e:
    print(e)
print(getattr(v, 'zz', None), hasattr(v, 'zz'))
