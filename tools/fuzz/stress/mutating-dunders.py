# Built-in operations on containers whose items or arguments run Python code (__eq__,
# __hash__, __lt__, __index__, __iter__, __len__, __repr__, __format__, key functions)
# that mutates the very container being worked on: clears it, grows it, shrinks it,
# replaces its contents. CPython never crashes here (it raises or gives some answer);
# taipan must not panic on a RefCell borrow, index out of bounds or loop forever.
MUTATIONS = ['clear', 'grow', 'shrink', 'replace']
state = {'victim': None, 'how': 'clear', 'budget': 0}

def mutate():
    v = state['victim']
    if v is None or state['budget'] <= 0:
        return
    state['budget'] -= 1
    how = state['how']
    if isinstance(v, (list, bytearray)):
        if how == 'clear': v.clear()
        elif how == 'grow': v.extend(v[:3] if isinstance(v, bytearray) else [M(9)] * 30)
        elif how == 'shrink': del v[len(v) // 2:]
        else: v[:] = (b'zz' if isinstance(v, bytearray) else [M(7), M(8)])
    elif isinstance(v, dict):
        if how == 'clear': v.clear()
        elif how == 'grow': v.update({M(100 + i): i for i in range(20)})
        elif how == 'shrink':
            for k in list(v)[: len(v) // 2 + 1]:
                v.pop(k, None)
        else:
            v.clear(); v[M(5)] = 5
    elif isinstance(v, set):
        if how == 'clear': v.clear()
        elif how == 'grow': v.update(M(200 + i) for i in range(20))
        elif how == 'shrink':
            for k in list(v)[: len(v) // 2 + 1]:
                v.discard(k)
        else:
            v.clear(); v.add(M(6))

class M:
    def __init__(self, v): self.v = v
    def __eq__(self, o): mutate(); return isinstance(o, M) and self.v == o.v
    def __ne__(self, o): mutate(); return not (isinstance(o, M) and self.v == o.v)
    def __lt__(self, o): mutate(); return self.v < getattr(o, 'v', 0)
    def __gt__(self, o): mutate(); return self.v > getattr(o, 'v', 0)
    def __le__(self, o): mutate(); return self.v <= getattr(o, 'v', 0)
    def __ge__(self, o): mutate(); return self.v >= getattr(o, 'v', 0)
    def __hash__(self): mutate(); return self.v % 3
    def __index__(self): mutate(); return self.v % 4
    def __int__(self): mutate(); return self.v
    def __repr__(self): mutate(); return 'M%d' % self.v
    def __format__(self, spec): mutate(); return 'F%d' % self.v
    def __bool__(self): mutate(); return bool(self.v % 2)
    def __len__(self): mutate(); return 3
    def __iter__(self):
        mutate()
        yield M(1)
        mutate()
        yield M(2)

def key(x):
    mutate()
    return getattr(x, 'v', 0)

def fresh(kind):
    if kind == 'list': return [M(i) for i in range(8)]
    if kind == 'bytearray': return bytearray(b'abcdefgh')
    if kind == 'dict': return {M(i): i for i in range(8)}
    return {M(i) for i in range(8)}

OPS = {
    'list': ['v.index(M(5))', 'v.count(M(3))', 'v.remove(M(4))', 'M(2) in v', 'v == [M(i) for i in range(8)]',
             'v < [M(i) for i in range(8)]', 'v.sort()', 'v.sort(key=key)', 'sorted(v)', 'max(v)', 'min(v, key=key)',
             'v[M(2)]', 'v.pop(M(1))', 'v.insert(M(3), 0)', 'v.__delitem__(M(1))', 'v.__setitem__(M(2), 0)',
             'v.extend(M(0))', 'v.__iadd__(M(0))', 'v.__setitem__(slice(0, 3), M(0))', 'v.__setitem__(slice(M(1), M(3)), [1])',
             'repr(v)', 'str(v)', 'format(v)', 'list(reversed(v))', 'v * M(2)', 'v.__imul__(M(2))', 'v[::M(1)]',
             'hash(tuple(v))', 'set(v)', 'dict.fromkeys(v)', '[x for x in v]', 'sum((x.v for x in v))', 'tuple(v).index(M(6))',
             'tuple(v) == tuple(v)', '" ".join(map(repr, v))', '"%s %s" % (v[0], v[1])', '"{} {}".format(*v[:2])',
             'f"{v[0]:x} {v[1]!r}"', 'print(v[0], v[1])', 'any(v)', 'all(v)', 'list(filter(None, v))', 'sorted(v, key=key, reverse=True)',
             'v.index(M(1), M(0), M(6))', 'v.__setitem__(slice(None, None, M(2)), [M(0)] * 4)', 'v.__delitem__(slice(M(0), M(6), M(2)))',
             'list.__init__(v, M(0))', 'v.__init__(v)', 'v.extend(v)', 'v.__iadd__(v)', 'v.__setitem__(slice(M(0), M(2)), v)', 'v.__eq__(v)',
             'v.__contains__(M(7))', 'list(v.__reversed__())', 'v.copy().sort(key=key)', 'v.insert(M(100), M(1))', 'v[M(1):M(5):M(1)]',
             'v.__setitem__(slice(M(5), M(1), -1), [1, 2, 3, 4])', 'v.__delitem__(slice(None, None, -1))', 'sorted(v + v)',
             '[x for x in v if x]', 'list(zip(v, v))', 'list(enumerate(v))', 'list(map(repr, v))', 'v.pop()', 'v.reverse()',
             'tuple(v).count(M(2))', 'M(3) in tuple(v)', 'tuple(v).index(M(1), M(0), M(6))', 'sorted(tuple(v))', 'min(tuple(v))'],
    'bytearray': ['v[M(2)]', 'v.__setitem__(M(1), M(3))', 'v.pop(M(1))', 'v.insert(M(2), M(3))', 'v.extend(M(0))', 'v * M(2)',
                  'v.__imul__(M(3))', 'v.index(M(2))', 'v.count(M(1))', 'M(1) in v', 'v.remove(M(2))', 'v.__delitem__(M(0))',
                  'v.__setitem__(slice(M(0), M(3)), b"xy")', 'bytes(v)', 'v.find(M(1))', 'v[M(1):M(3)]', 'v.append(M(2))',
                  'bytearray(M(0))', 'v.__setitem__(slice(0, 4, 2), [M(1), M(2)])', 'v.translate(None, v)', 'v.join([v, v])',
                  'v.__delitem__(slice(M(0), M(6), M(2)))', 'v.__setitem__(slice(None, None, M(2)), b"wxyz")', 'v.extend(v)',
                  'v.__iadd__(v)', 'v.__init__(M(0))', 'v.find(M(1), M(0), M(5))', 'v.index(M(3), M(0), M(7))', 'v.count(M(1), M(0))',
                  'v.startswith(b"a", M(0), M(3))', 'v[M(1):M(6):M(2)]', 'v.__setitem__(slice(M(6), M(1), -1), b"abcde")',
                  'v.replace(b"a", b"bb", M(2))', 'v.split(None, M(2))', 'v.center(M(3), b"-")', 'v.zfill(M(3))', 'v.hex(":", M(2))',
                  'v.decode().center(M(10))', 'bytes(v).index(M(2), M(0))', 'v.pop(-M(1))' if False else 'v.pop()',
                  'memoryview(v)[M(1)]' if False else 'v.removeprefix(v)'],
    'dict': ['v[M(3)]', 'v.get(M(4))', 'M(5) in v', 'v.pop(M(2), None)', 'v.setdefault(M(9), 1)', 'v.__setitem__(M(10), 1)',
             'v.__delitem__(M(1))', 'v == {M(i): i for i in range(8)}', 'v.update({M(50): 1})', 'v.update(M(0))' if False else 'v.update([(M(51), 1)])',
             'repr(v)', 'list(v.items())', 'sorted(v, key=key)', 'v.keys() & {M(1)}', 'v.items() == v.items()', 'dict(v)', 'v.copy()',
             '{**v}', 'v | {M(2): 2}', 'v.popitem()', 'list(reversed(v))', 'v.fromkeys(v)', 'M(3) in v.keys()', '(M(3), 3) in v.items()',
             'dict.__init__(v, [(M(1), 1), (M(2), 2)])', 'v.update(v)', 'v.__ior__({M(3): 3})', 'v.keys() - {M(1)}', 'v.items() ^ v.items()',
             'v.keys() == v.keys()', '{k: 1 for k in v}', 'list(v.values())', 'sorted(v.items(), key=lambda kv: key(kv[0]))',
             'v.keys().isdisjoint([M(1), M(2)])', 'v == v', 'v.copy() == v', 'dict(v.items())', 'set(v)', 'max(v, key=key)'],
    'set': ['M(3) in v', 'v.add(M(11))', 'v.discard(M(2))', 'v.remove(M(4))', 'v == {M(i) for i in range(8)}', 'v <= {M(1)}',
            'v | {M(1)}', 'v & {M(2)}', 'v - {M(3)}', 'v ^ {M(4)}', 'v.update([M(12)])', 'v.intersection_update([M(1)])',
            'v.difference_update([M(2)])', 'v.symmetric_difference_update([M(3)])', 'v.issubset([M(1)])', 'v.isdisjoint([M(5)])',
            'frozenset(v)', 'sorted(v, key=key)', 'repr(v)', 'v.pop()', 'set(v)', 'len(v | v)', 'v.copy() == v',
            'set.__init__(v, [M(1), M(2)])', 'v.update(v)', 'v.__ior__(v)', 'v.__iand__({M(1)})', 'v.__isub__(v)', 'v.__ixor__(v)',
            'v.union(M(0))', 'v.intersection(M(0), [M(1)])', 'v.difference(v)', 'frozenset(v) == v', 'hash(frozenset(v))',
            'v.issuperset(M(0))', 'v < v', '{x for x in v}', 'M(1) in frozenset(v)'],
}

count = 0
for kind, ops in OPS.items():
    for how in MUTATIONS:
        for op in ops:
            for budget in (1, 3, 100):
                v = fresh(kind)
                state.update(victim=v, how=how, budget=budget)
                try:
                    eval(op)
                except (ValueError, RuntimeError, TypeError, KeyError, IndexError, AttributeError, RecursionError, StopIteration):
                    pass
                state['victim'] = None
                count += 1
print('done', count)
