# A TypeError once the operand type changes after 99 good iterations.
def combine(a, b):
    return a - b

vals = list(range(99)) + ["x"]
acc = 0
for v in vals:
    acc = combine(acc, v)
print(acc)
