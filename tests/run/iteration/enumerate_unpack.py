# `for i, x in enumerate(...)` over lists, tuples, ranges and other iterables, with
# starts near the int64 edge, mutation during the loop and early exits.
for i, x in enumerate([10, 20, 30]):
    print(i, x)
for i, x in enumerate((1.5, "a", None), 5):
    print(i, x)
for i, x in enumerate(range(3, 9, 2), -2):
    print(i, x)
for i, c in enumerate("héllo"):
    print(i, c)
big = 2**63 - 2
for i, x in enumerate([1, 2, 3, 4], big):
    print(i, x)
for i, x in enumerate(range(3), 2**100):
    print(i, x)
items = [1, 2, 3]
for i, x in enumerate(items):
    if i < 3:
        items.append(x * 10)
    print(i, x)
print(items)
e = enumerate([7, 8, 9])
for i, x in e:
    if x == 8:
        break
print(next(e))
for i, x in e:
    print("after", i, x)
print(list(e))


def gen():
    yield "a"
    yield "b"


for i, x in enumerate(gen()):
    print(i, x)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
try:
    for i, x, y in enumerate([1]):
        pass
except ValueError as exc:
    print("ValueError:", exc)
for i, x in enumerate([]):
    print("never")
print("done")
