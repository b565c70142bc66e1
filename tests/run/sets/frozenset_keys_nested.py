graph = {frozenset({1, 2}): "edge12", frozenset({2, 3}): "edge23"}
print(graph[frozenset({2, 1})], frozenset({3, 2}) in graph, len(graph))
fs = frozenset([frozenset([1]), frozenset([1, 2])])
print(len(fs), frozenset([1]) in fs, sorted(len(x) for x in fs))
pairs = {frozenset(p) for p in [(1, 2), (2, 1), (3, 4)]}
print(len(pairs), sorted(sorted(p) for p in pairs))
print(frozenset({1, 2}) | frozenset({3}), frozenset({1, 2}) & {2}, frozenset("ab") == frozenset("ba"))
