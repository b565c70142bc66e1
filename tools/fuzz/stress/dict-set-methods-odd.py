d = {1: 2}
for op in ('d[[]]', 'd.get([])', 'd.pop([], 1)', 'd.setdefault([])', 'd.update(5)', 'd.update([(1, 2, 3)])',
           'd.update([[1]])', 'd.fromkeys(5)', 'd.popitem()', 'd.popitem()', '{}.popitem()', 'd | 5', 'd.__ior__([(3, 4)])',
           'd.__ior__([1])', 'dict(a=1, **{"a": 2})', '{**{1: 2}, **5}', 'd.keys() & 5', 'd.items() | [(1, [])]',
           'd.keys() ^ {1}', 'set(d.items()) if False else 1', '{[]}', '{1: 2}.keys().isdisjoint(5)', 'frozenset([[]])',
           'set().pop()', '{1}.remove(2)', '{1}.__iand__([1])', '{1} - [1]', '{1}.difference(5)', '{1}.update(5)',
           '{1} < 5', 'frozenset({1}) | {[]}', 'set.__init__({1}, 5)', 'hash(frozenset({1, 2})) == hash(frozenset({2, 1}))',
           '{1: 2}.__eq__({1: []})', 'sorted({3: 1, 1: 2}.items())', 'reversed({1: 2, 3: 4}).__next__()',
           'list(reversed({1: 2}.items()))', 'dict.fromkeys(range(3), []).__repr__()', '{1, 2}.symmetric_difference_update([3, []])'):
    try:
        r = eval(op)
        print(op, 'ok', str(r)[:60])
    except BaseException as e:
        print(op, type(e).__name__)
class H:
    def __hash__(self): return 2**100
    def __eq__(self, o): return self is o
print(len({H(), H()}), hash(H()) == hash(H()))
class BadHash:
    def __hash__(self): return 'x'
try:
    {BadHash()}
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self): return -1
print({BigHash(): 1}.__len__(), hash(BigHash()))
