print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(1), hash(-1), hash(0), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**100), hash(10**30))
print(hash(1.5), hash(0.1), hash(-2.5), hash(1e100), hash(float("inf")), hash(float("-inf")))
print(hash(2.0) == hash(2), hash(1.5) == hash(1.5), hash((1, 2)) == hash((1.0, 2.0)))
print(hash(frozenset()) == hash(frozenset()), hash(None) == hash(None))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
print(hash(-2) == hash(-1), hash(123456789))
