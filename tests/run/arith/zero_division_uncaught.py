def compute(a, b):
    return a / b
print(compute(1, 2))
print(compute(1, 0))
