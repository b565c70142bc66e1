def read(lines):
    for line in lines:
        yield line
def strip(it):
    for s in it:
        yield s.strip()
def nonempty(it):
    for s in it:
        if s:
            yield s
def numbered(it):
    for i, s in enumerate(it, 1):
        yield f"{i}: {s}"
lines = ["  alpha ", "", "beta", "   ", " gamma"]
for out in numbered(nonempty(strip(read(lines)))):
    print(out)
import itertools
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.chain([1, 2], (3,), "ab")))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
