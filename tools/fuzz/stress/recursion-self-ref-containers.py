l = [1]; l.append(l)
d = {1: 2}; d[2] = d
s = [d, l]; d[3] = s
t = (l, d)
print(l, d, s, str(t)[:60], repr(l))
print(str(l), len(repr(d)))
o = type('O', (), {})(); o.x = o; o.l = [o]
print(len(repr(o.__dict__)) > 0)
try:
    l == l, d == d
    print('eq ok')
except RecursionError:
    print('RecursionError')
try:
    l2 = [1]; l2.append(l2); print(l == l2)
except RecursionError:
    print('RecursionError')
try:
    print(l < l)
except (RecursionError, TypeError) as e:
    print(type(e).__name__)
try:
    print(hash(t))
except TypeError as e:
    print(e)
print(f'{l}', '%s' % (l,), '%r' % (d,), format(l), str(l.copy()))
import sys
sys.setrecursionlimit(10**6)
ll = []
for i in range(100000): ll = [ll]
try:
    print(len(str(ll)))
except RecursionError:
    print('RecursionError')
