class I:
    def __iter__(self): return 5
try:
    iter(I())
except TypeError as e:
    print(e)
class N:
    def __iter__(self): return self
    def __next__(self): raise KeyError
try:
    list(N())
except KeyError:
    print('KeyError')
class G:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i
print(list(G()), 2 in G(), list(reversed([1, 2])))
try:
    reversed(G())
except TypeError as e:
    print(e)
def inf():
    i = 0
    while True:
        yield i
        i += 1
print(list(zip(inf(), 'abc')), any(x > 5 for x in inf()), next(filter(lambda x: x > 10, inf())))
print(list(map(lambda *a: a, [1, 2], [3])), dict.fromkeys(inf() if False else 'ab'))
it = iter([1, 2, 3])
print(list(zip(it, it)), list(it))
e = enumerate('ab', start=2**63)
print(list(e))
e = enumerate('ab', start=2**63 - 1)
print(list(e))
try:
    print(list(enumerate('ab', start=1.5)))
except TypeError as e:
    print(e)
