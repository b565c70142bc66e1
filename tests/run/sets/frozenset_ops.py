f = frozenset([1, 2, 3])
print(f, len(f), 2 in f, f | {4}, f & {1, 9}, f - {1}, type(f | {4}).__name__, type({4} | f).__name__)
d = {f: "frozen"}
print(d[frozenset({3, 2, 1})], frozenset() == frozenset(), frozenset({1}) == {1})
print({frozenset({1}), frozenset({1})}, hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    {{1}}
except TypeError as e:
    print("TypeError:", e)
print(frozenset(), repr(frozenset({5})), set(frozenset([7, 8])))
