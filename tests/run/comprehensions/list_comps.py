print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print([c.upper() for c in "hello" if c != "l"])
print([x if x % 2 else -x for x in range(6)])
print([i * j for i in [1, 2] for j in [10, 100]])
matrix = [[1, 2], [3, 4], [5, 6]]
print([[row[i] for row in matrix] for i in range(2)])
x = "outer"
print([x for x in "ab"], x)
print([len(w) for w in "the quick brown fox".split()])
