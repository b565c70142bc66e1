# Argument binding errors of built-ins with keyword-capable parameters.
print(sum([1, 2, 3]), sum([1, 2], 10), sum([1, 2], start=5))
print(list(enumerate('ab')), list(enumerate('ab', 3)), list(enumerate('ab', start=7)))
print(list(enumerate(iterable='xy', start=1)))
print(int('ff', 16), int('12', base=8), int(), str(), str(b'ab', 'ascii'), str(object=3))
for call in [lambda: sum([1], 2, 3), lambda: sum([1], start=1, bad=2),
             lambda: enumerate('a', start=1, iterable='b'),
             lambda: int('1', 10, 3), lambda: str(1, 2, 3, 4),
             lambda: enumerate('a', 1, start=2), lambda: {}.get(), lambda: {}.get(1, 2, 3),
             lambda: {}.get(1, default=2), lambda: {}.keys(1), lambda: {}.popitem(),
             lambda: set().add(), lambda: set().add(1, 2), lambda: set().union(x=1),
             lambda: set().__eq__(), lambda: frozenset().__lt__(1, 2), lambda: set().__eq__(x=1),
             lambda: frozenset().copy(1)]:
    try:
        print(call())
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
