def items():
    yield 1
    yield "two"
print(sum(x * 2 for x in [1, 2]))
print(sum(x + 1 for x in items()))
